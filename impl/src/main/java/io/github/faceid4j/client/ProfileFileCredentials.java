package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credentials of one profile of a Tencent Cloud credentials file ({@code ~/.tencentcloud/credentials}, INI-style
 * {@code secret_id}/{@code secret_key}/{@code token}), parsed again only when the file changes; see
 * {@link CredentialsProviders#profileFile(Path, String)}.
 */
final class ProfileFileCredentials implements CredentialsProvider {

    private static final System.Logger LOG = System.getLogger("io.github.faceid4j.client");
    private final Path file;
    private final String profile;
    private volatile Parsed parsed;
    private volatile boolean permissionsChecked;

    private record Parsed(FileTime modified, long size, Credentials credentials, RuntimeException problem) {
    }

    ProfileFileCredentials(Path file, String profile) {
        this.file = file;
        this.profile = profile;
    }

    @Override
    public Credentials credentials() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new CredentialsUnavailableException("profile file " + file + " (not found)");
        } catch (IOException e) {
            throw new FaceIdConfigurationException(file.toString(), "cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new CredentialsUnavailableException("profile file " + file + " (not a file)");
        }
        Parsed current = parsed;
        if (current == null || !current.modified().equals(attributes.lastModifiedTime())
                || current.size() != attributes.size()) {
            current = parse(attributes);
            parsed = current;
        }
        if (current.problem() != null) {
            throw current.problem();
        }
        return current.credentials();
    }

    private Parsed parse(BasicFileAttributes attributes) {
        warnIfReadableByOthers();
        Map<String, String> values;
        try {
            values = section(Files.readAllLines(file, StandardCharsets.UTF_8), profile);
        } catch (IOException | RuntimeException e) {
            return new Parsed(attributes.lastModifiedTime(), attributes.size(), null,
                    new FaceIdConfigurationException(file.toString(), "cannot be read ("
                            + e.getClass().getSimpleName() + ")"));
        }
        RuntimeException problem = null;
        Credentials credentials = null;
        if (values == null) {
            problem = new CredentialsUnavailableException("profile file " + file + " (no [" + profile + "] profile)");
        } else {
            String id = text(values.get("secret_id"));
            String key = text(values.get("secret_key"));
            if (id == null && key == null) {
                problem = new CredentialsUnavailableException("profile file " + file + " ([" + profile
                        + "] has no secret_id or secret_key)");
            } else if (id == null || key == null) {
                problem = new FaceIdConfigurationException(file.toString(), "[" + profile + "] has "
                        + (id == null ? "secret_key but no secret_id" : "secret_id but no secret_key"));
            } else {
                credentials = Credentials.of(id, key, text(values.get("token")));
            }
        }
        return new Parsed(attributes.lastModifiedTime(), attributes.size(), credentials, problem);
    }

    /** Keys (lower-cased) and values of one section, or null when the section is absent. */
    static Map<String, String> section(List<String> lines, String wanted) {
        Map<String, String> values = null;
        boolean inWanted = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inWanted = line.substring(1, line.length() - 1).strip().equals(wanted);
                if (inWanted && values == null) {
                    values = new HashMap<>();
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (inWanted && eq > 0) {
                values.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), unquote(line.substring(eq + 1).strip()));
            }
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * Warns, once, when other users may read the file (group or others may read it) or list its folder: a
     * SecretKey there is as good as theirs. Where permissions are not POSIX, nothing is said.
     */
    private void warnIfReadableByOthers() {
        if (permissionsChecked) {
            return;
        }
        permissionsChecked = true;
        if (readableByOthers(file)) {
            LOG.log(System.Logger.Level.WARNING, "FaceID: the credentials file " + file
                    + " can be read by other users of this machine (group or others); restrict it (chmod 600)");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && readableByOthers(folder)) {
            LOG.log(System.Logger.Level.WARNING, "FaceID: the credentials folder " + folder
                    + " can be listed by other users of this machine (group or others); restrict it (chmod 700)");
        }
    }

    private static boolean readableByOthers(Path path) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view == null) {
                return false;
            }
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ);
        } catch (IOException | RuntimeException e) {
            return false; // best effort only
        }
    }

    @Override
    public String toString() {
        return "profileFile(" + file + ", [" + profile + "])";
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
