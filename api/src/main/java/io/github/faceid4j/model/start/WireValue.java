package io.github.faceid4j.model.start;

import java.util.Objects;

/**
 * A value of a setting whose documented values are enumerated, kept as its wire form so that a value newer than
 * this library survives. Equal when of the same type and wire value.
 */
abstract class WireValue {

    private final Object wire;
    private final boolean known;

    WireValue(Object wire, boolean known) {
        this.wire = wire;
        this.known = known;
    }

    /** {@return whether this library knew the value when it was released (a documented one)} */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && wire.equals(((WireValue) other).wire);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), wire);
    }

    /** The wire value, and whether it is unknown: {@code "en"}, {@code 2}, {@code "xx (unknown)"}. */
    @Override
    public final String toString() {
        return known ? wire.toString() : wire + " (unknown)";
    }

    static String requireWireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new io.github.faceid4j.InvalidRequestException(field, "must not be blank");
        }
        if (!value.strip().equals(value) || value.length() > 64) {
            throw new io.github.faceid4j.InvalidRequestException(field,
                    "must be a wire value without surrounding spaces, at most 64 characters");
        }
        return value;
    }
}
