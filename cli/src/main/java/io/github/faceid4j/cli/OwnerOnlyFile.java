package io.github.faceid4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that may hold personal data ({@code results.jsonl} with {@code --reveal-pii}), written so that nobody else
 * reads it and nothing planted redirects it: into a new owner-only ({@code 0600}) file beside it, created
 * exclusively (an existing name, a symbolic link included, is never opened), then renamed over the target in one
 * step. A link at the target's name is replaced, never followed; readers see the old file or the complete new one;
 * a run that fails leaves the old file as it was and no partial one.
 */
final class OwnerOnlyFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private OwnerOnlyFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    static OwnerOnlyFile create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, prefix, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, prefix, ".tmp"); // elsewhere: the user's default ACL of the folder
        return new OwnerOnlyFile(target, temporary);
    }

    /** A writer to the new file; closed before {@link #commit()} or {@link #close()}. */
    BufferedWriter writer() throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary, LinkOption.NOFOLLOW_LINKS,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8));
    }

    /** Puts the complete file in place of the target, in one rename. */
    void commit() throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Without {@link #commit()}: removes the new file, the target is left as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }
}
