package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * What the customer goes through. The service's default is {@link #LIVENESS_AND_COMPARE}.
 * Wire name {@code Config.CheckMode}. {@link #of(long)} keeps a value newer than this library.
 */
public final class CheckMode extends WireValue {

    /** Identity document OCR, then liveness and comparison with the document's photo (1). */
    public static final CheckMode OCR_LIVENESS_AND_COMPARE = new CheckMode(1, true);

    /** Liveness, then comparison with the compare image (the service's default) (2). */
    public static final CheckMode LIVENESS_AND_COMPARE = new CheckMode(2, true);

    /** Liveness only (3). */
    public static final CheckMode LIVENESS_ONLY = new CheckMode(3, true);

    /** Identity document OCR only (4). */
    public static final CheckMode OCR_ONLY = new CheckMode(4, true);

    private static final List<CheckMode> KNOWN = List.of(OCR_LIVENESS_AND_COMPARE, LIVENESS_AND_COMPARE, LIVENESS_ONLY, OCR_ONLY);

    private final long value;

    private CheckMode(long value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value, or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for zero or a negative number, which no version documents
     */
    public static CheckMode of(long value) {
        for (CheckMode k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        if (value < 1) {
            throw new InvalidRequestException("Config.CheckMode", "must be a positive number, documented: " + KNOWN);
        }
        return new CheckMode(value, false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<CheckMode> knownValues() {
        return KNOWN;
    }

    /** {@return the number sent to the service} */
    public long value() {
        return value;
    }

    /**
     * {@return whether the customer's identity document is read: only modes 1 and 4; {@code false} for unknown modes}
     */
    public boolean includesOcr() {
        return value == 1 || value == 4;
    }
}
