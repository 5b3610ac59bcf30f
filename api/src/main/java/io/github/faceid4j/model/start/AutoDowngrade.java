package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * What happens when the customer's device cannot do the configured liveness detection.
 * Wire name {@code Config.AutoDowngrade}. {@link #of(long)} keeps a value newer than this library.
 */
public final class AutoDowngrade extends WireValue {

    /** Fall back to silent liveness (the service's default) (1). */
    public static final AutoDowngrade SILENT_LIVENESS = new AutoDowngrade(1, true);

    /** No fallback: the verification fails (2). */
    public static final AutoDowngrade OFF = new AutoDowngrade(2, true);

    private static final List<AutoDowngrade> KNOWN = List.of(SILENT_LIVENESS, OFF);

    private final long value;

    private AutoDowngrade(long value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value, or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for zero or a negative number, which no version documents
     */
    public static AutoDowngrade of(long value) {
        for (AutoDowngrade k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        if (value < 1) {
            throw new InvalidRequestException("Config.AutoDowngrade", "must be a positive number, documented: " + KNOWN);
        }
        return new AutoDowngrade(value, false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<AutoDowngrade> knownValues() {
        return KNOWN;
    }

    /** {@return the number sent to the service} */
    public long value() {
        return value;
    }
}
