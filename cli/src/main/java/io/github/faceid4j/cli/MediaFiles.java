package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code --out DIR}: writes each media of a result to its own file, decoding as it copies, in a folder of the result's
 * own ({@code DIR/result-<RequestId>}): two customers' faces and ID cards never end up side by side, and a second
 * result never overwrites part of the first. Folders created here are owner-only, like the files.
 */
final class MediaFiles {

    private static final String OWNER_ONLY = "rwx------";

    private MediaFiles() {
    }

    /**
     * Creates the directory (owner-only) if needed and checks it can be written to. Called before anything is sent,
     * so a bad {@code --out} is a configuration error.
     */
    static Path prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new FaceIdConfigurationException("--out", "'" + dir + "' exists and is not a directory");
            }
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, ownerOnly(dir));
            }
            if (!Files.isWritable(dir)) {
                throw new FaceIdConfigurationException("--out", "'" + dir + "' is not writable");
            }
            return dir.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new FaceIdConfigurationException("--out", "cannot create '" + dir + "': " + e.getMessage());
        }
    }

    /**
     * Writes every item into a new folder for this result (none when there are no items); answers which file each
     * media went to (by identity: a masked copy shares the media).
     *
     * @throws UncheckedIOException when the folder exists already: it is never written into
     */
    static Map<Media, Path> write(Path dir, VerificationResult result, List<MediaItem> items) {
        Map<Media, Path> written = new IdentityHashMap<>();
        if (items.isEmpty()) {
            return written;
        }
        Path folder = dir.resolve(folderName(result.requestId()));
        try {
            Files.createDirectory(folder, ownerOnly(folder)); // atomic: fails if it exists
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot save the media: " + folder + " already exists (another result's"
                    + " folder is never written into)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        for (MediaItem item : items) {
            Path file = folder.resolve(item.fileName());
            try {
                item.media().writeTo(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            written.put(item.media(), file);
        }
        return written;
    }

    /**
     * {@code result-<RequestId>}; the RequestId comes from the network, so only a plain one (letters, digits, '-') is
     * used as a file name. Otherwise (none, or anything else) the local time and a random suffix.
     */
    static String folderName(String requestId) {
        if (requestId != null && requestId.matches("[A-Za-z0-9][A-Za-z0-9-]{0,99}")) {
            return "result-" + requestId;
        }
        return "result-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    }

    /** Owner-only permissions for a new directory, where the file system has POSIX permissions. */
    static FileAttribute<?>[] ownerOnly(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY))}
                : new FileAttribute<?>[0];
    }
}
