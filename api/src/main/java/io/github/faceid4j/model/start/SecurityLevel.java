package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * The kind of liveness detection. The service's default is {@link #REFLECTION}.
 * Wire name {@code Config.SecurityLevel}. {@link #of(long)} keeps a value newer than this library.
 */
public final class SecurityLevel extends WireValue {

    /** Silent liveness (1). */
    public static final SecurityLevel SILENT = new SecurityLevel(1, true);

    /** Action liveness (2). */
    public static final SecurityLevel ACTION = new SecurityLevel(2, true);

    /** Light (reflection) liveness, the service's default (3). */
    public static final SecurityLevel REFLECTION = new SecurityLevel(3, true);

    /** Action and light liveness (4). */
    public static final SecurityLevel ACTION_AND_REFLECTION = new SecurityLevel(4, true);

    private static final List<SecurityLevel> KNOWN = List.of(SILENT, ACTION, REFLECTION, ACTION_AND_REFLECTION);

    private final long value;

    private SecurityLevel(long value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value, or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for zero or a negative number, which no version documents
     */
    public static SecurityLevel of(long value) {
        for (SecurityLevel k : KNOWN) {
            if (k.value == value) {
                return k;
            }
        }
        if (value < 1) {
            throw new InvalidRequestException("Config.SecurityLevel", "must be a positive number, documented: " + KNOWN);
        }
        return new SecurityLevel(value, false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<SecurityLevel> knownValues() {
        return KNOWN;
    }

    /** {@return the number sent to the service} */
    public long value() {
        return value;
    }
}
