package io.github.faceid4j.model.card;

/**
 * Builds the {@code toString()} of card types. Everything on an identity document is personal data, so every
 * text value prints as {@code ***}; only which fields were read is visible. Absent fields are left out.
 */
final class Redaction {

    static final String MASK = "***";

    private Redaction() {
    }

    /** {@code namesAndValues} alternates a field name and its value. */
    static String describe(String type, Object... namesAndValues) {
        StringBuilder text = new StringBuilder(type).append('[');
        boolean first = true;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            if (!first) {
                text.append(", ");
            }
            first = false;
            text.append(namesAndValues[i]).append('=').append(value instanceof String ? MASK : value);
        }
        return text.append(']').toString();
    }
}
