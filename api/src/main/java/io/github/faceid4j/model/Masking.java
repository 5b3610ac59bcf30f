package io.github.faceid4j.model;

/** The one masking rule of the model's {@code toString()}: personal text shows only that it is there. */
final class Masking {

    private Masking() {
    }

    static String mask(String value) {
        return value == null ? null : "***";
    }
}
