package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * The service edition the verification runs on (added 2026-04).
 * Wire name {@code Config.Version}. {@link #of(String)} keeps a value newer than this library.
 */
public final class Edition extends WireValue {

    /** The basic edition ({@code BASIC}). */
    public static final Edition BASIC = new Edition("BASIC", true);

    /** The PLUS edition, with liveness reason codes ({@code PLUS}). */
    public static final Edition PLUS = new Edition("PLUS", true);

    private static final List<Edition> KNOWN = List.of(BASIC, PLUS);

    private final String value;

    private Edition(String value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value (exact spelling), or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for a blank value, surrounding spaces or more than 64 characters
     */
    public static Edition of(String value) {
        for (Edition k : KNOWN) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        return new Edition(requireWireText(value, "Config.Version"), false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<Edition> knownValues() {
        return KNOWN;
    }

    /** {@return the text sent to the service} */
    public String value() {
        return value;
    }
}
