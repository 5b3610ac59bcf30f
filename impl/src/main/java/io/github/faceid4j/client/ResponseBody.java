package io.github.faceid4j.client;

import io.github.faceid4j.model.Media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * A response body as it was read: an array on the heap ({@link InMemory}, the usual case), or a file
 * ({@link Spilled}) when the service was told to spill large bodies. {@link MediaSlicer} reads either the same way,
 * through {@link #window}, and the result's {@link Media} point into whichever it is, so a spilled body's media text is
 * never on the heap whole.
 */
abstract sealed class ResponseBody implements AutoCloseable permits ResponseBody.InMemory, ResponseBody.Spilled {

    /** Longest range {@link #window} is asked for at once. */
    static final int MAX_WINDOW = 64 * 1024;

    /** Length of the body in bytes. */
    abstract int length();

    /**
     * Makes the bytes {@code [from, to)} readable as {@code w.data[i - w.base]}: for an array, the array itself
     * (no copy); for a file, a reused buffer the range is read into. {@code to - from} is at most
     * {@link #MAX_WINDOW}; the window stays valid until the next call with the same {@code w}.
     */
    abstract void window(int from, int to, Window w);

    /** Media over {@code [offset, offset + length)} of the body, which holds base64 text there. */
    abstract Media media(int offset, int length);

    /** The first {@code max} bytes at most, copied: for error excerpts. */
    byte[] head(int max) {
        int n = Math.min(max, length());
        Window w = new Window();
        window(0, n, w);
        return Arrays.copyOfRange(w.data, -w.base, n - w.base);
    }

    /** Gives up what the body holds beyond the heap, as far as no media point into it. */
    @Override
    public void close() {
    }

    /** Where {@link #window} put a range: {@code data[i - base]} is body byte {@code i}. */
    static final class Window {
        byte[] data;
        int base;
        private byte[] buffer;

        /** A reused buffer to read into when the body is not in an array. */
        byte[] buffer() {
            if (buffer == null) {
                buffer = new byte[MAX_WINDOW];
            }
            return buffer;
        }
    }

    /** The first {@code length} bytes of an array. */
    static final class InMemory extends ResponseBody {
        private final byte[] bytes;
        private final int length;

        InMemory(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        int length() {
            return length;
        }

        @Override
        void window(int from, int to, Window w) {
            w.data = bytes;
            w.base = 0;
        }

        @Override
        Media media(int offset, int length) {
            return Media.ofBase64(bytes, offset, length);
        }
    }

    /**
     * A body written to a file in the spill directory as it arrived, then mapped into memory to be read: pages the
     * operating system reads in on demand and may drop again, never Java heap. The file is opened with
     * {@code DELETE_ON_CLOSE}: on Linux and other Unix systems its name is removed at once, so nothing is left
     * behind, not even by a crash. Once the body is complete the channel is closed and only the mapping keeps the
     * bytes; the JDK unmaps it when this body and all the media pointing into it have become unreachable (its own
     * cleaner: no thread of ours, nothing to leak on redeployment). Reading a mapping is never interrupted, so a
     * reader's interrupted thread cannot take the media away from others. Owner-only permissions where the file
     * system has them: the file holds faces and identity documents.
     */
    static final class Spilled extends ResponseBody {
        private FileChannel channel;
        private MappedByteBuffer bytes;
        private int length;

        private Spilled(FileChannel channel) {
            this.channel = channel;
        }

        private static final SecureRandom NAMES = new SecureRandom();

        /**
         * A new, empty spill file in {@code directory}: created, opened and (on Unix) unlinked in one call, so not
         * even a crash can leave it behind.
         */
        static Spilled create(Path directory) throws IOException {
            Path file = directory.resolve("faceid4j-" + Long.toUnsignedString(NAMES.nextLong(), 36) + ".body");
            return new Spilled(FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE), ownerOnly()));
        }

        private static FileAttribute<?>[] ownerOnly() {
            return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
        }

        /** Appends {@code bytes[0, n)}. */
        void append(byte[] bytes, int n) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
            while (buffer.hasRemaining()) {
                channel.write(buffer, length + (long) buffer.position());
            }
            length += n;
        }

        /** The body is complete: maps it for reading and closes the file. */
        void complete() throws IOException {
            try {
                bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
            } finally {
                close();
            }
        }

        @Override
        int length() {
            return length;
        }

        /** The mapping made by {@link #complete()}: the file's space is freed once it has been collected. */
        Object mapping() {
            return bytes;
        }

        @Override
        void window(int from, int to, Window w) {
            byte[] buffer = w.buffer();
            bytes.get(from, buffer, 0, to - from);
            w.data = buffer;
            w.base = from;
        }

        @Override
        Media media(int offset, int length) {
            try {
                return Media.ofBase64(new Region(bytes, offset, length));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible); // reading a mapping throws none
            }
        }

        /** Closes the file if still open; a mapping made of it stays until unreachable. */
        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing to do: the file was created deleted (Unix) or goes with the channel (Windows)
                }
                channel = null;
            }
        }

        /** Base64 text in the mapped body; holds the mapping, so it lives as long as any of its media. */
        private record Region(MappedByteBuffer bytes, long offset, long length) implements Media.Source {
            @Override
            public void read(long position, byte[] into, int at, int n) {
                bytes.get((int) (offset + position), into, at, n);
            }
        }
    }
}
