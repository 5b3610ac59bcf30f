package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * One action the customer performs in action liveness; a configuration names one or two.
 * Wire name {@code Config.ActionList}. {@link #of(String)} keeps a value newer than this library.
 */
public final class LivenessAction extends WireValue {

    /** Blink ({@code blink}). */
    public static final LivenessAction BLINK = new LivenessAction("blink", true);

    /** Open the mouth ({@code mouth}). */
    public static final LivenessAction MOUTH = new LivenessAction("mouth", true);

    /** Nod ({@code nod}). */
    public static final LivenessAction NOD = new LivenessAction("nod", true);

    /** Shake the head ({@code shake}). */
    public static final LivenessAction SHAKE = new LivenessAction("shake", true);

    private static final List<LivenessAction> KNOWN = List.of(BLINK, MOUTH, NOD, SHAKE);

    private final String value;

    private LivenessAction(String value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value (exact spelling), or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for a blank value, surrounding spaces or more than 64 characters
     */
    public static LivenessAction of(String value) {
        for (LivenessAction k : KNOWN) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        return new LivenessAction(requireWireText(value, "Config.ActionList"), false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<LivenessAction> knownValues() {
        return KNOWN;
    }

    /** {@return the text sent to the service} */
    public String value() {
        return value;
    }
}
