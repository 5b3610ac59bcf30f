package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.model.Media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** {@code --out DIR}: writes each media of a result to its own file, decoding as it copies. */
final class MediaFiles {

    private MediaFiles() {
    }

    /**
     * Creates the directory if needed and checks it can be written to. Called before anything is sent, so a bad
     * {@code --out} is a configuration error.
     */
    static Path prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new FaceIdConfigurationException("--out", "'" + dir + "' exists and is not a directory");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new FaceIdConfigurationException("--out", "'" + dir + "' is not writable");
            }
            return dir.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new FaceIdConfigurationException("--out", "cannot create '" + dir + "': " + e.getMessage());
        }
    }

    /** Writes every item; answers which file each media went to (by identity: a masked copy shares the media). */
    static Map<Media, Path> write(Path dir, List<MediaItem> items) {
        Map<Media, Path> written = new IdentityHashMap<>();
        for (MediaItem item : items) {
            Path file = dir.resolve(item.fileName());
            try {
                item.media().writeTo(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            written.put(item.media(), file);
        }
        return written;
    }
}
