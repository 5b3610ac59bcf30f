package io.github.faceid4j.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * What the customer does on the emulator's hosted pages, chosen by the tester on the page, by
 * {@code POST /emulator/complete} ({@code outcome=passed}...) or by {@link FaceIdEmulator#complete}.
 */
public enum FlowOutcome {

    /** Liveness (and comparison, and OCR, as the check mode asks) passed: result code 0. */
    PASSED("passed", 0),
    /** Liveness failed; the code is the tester's choice among the liveness codes (default 1005). */
    LIVENESS_FAILED("liveness-failed", 1005),
    /** Liveness passed, the face did not match the compare image; default code 2015, similarity below 70. */
    COMPARE_FAILED("compare-failed", 2015),
    /** The customer left the pages: result code 1410 (not billed). */
    ABANDONED("abandoned", 1410),
    /** The customer ran out of time: result code 1409 (not billed). */
    TIMED_OUT("timed-out", 1409);

    private final String formValue;
    private final long defaultCode;

    FlowOutcome(String formValue, long defaultCode) {
        this.formValue = formValue;
        this.defaultCode = defaultCode;
    }

    /** {@return the value of the {@code outcome} form field: {@code passed}, {@code liveness-failed}..} */
    public String formValue() {
        return formValue;
    }

    /** {@return the result's {@code ErrorCode} when no code is chosen} */
    public long defaultCode() {
        return defaultCode;
    }

    /**
     * {@return the outcome for a form value, case-insensitively}
     *
     * @param value the form value, e.g. {@code passed}
     */
    public static Optional<FlowOutcome> fromForm(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (FlowOutcome o : values()) {
                if (o.formValue.equals(v)) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code code} is one a tester may choose for this outcome (the documented codes of its kind). */
    boolean allows(long code) {
        return switch (this) {
            case PASSED -> code == 0;
            case LIVENESS_FAILED -> code == 202 || (code >= 1001 && code <= 1401 && code != 1409 && code != 1410);
            case COMPARE_FAILED -> code >= 2001 && code <= 2016;
            case ABANDONED -> code == 1410;
            case TIMED_OUT -> code == 1409;
        };
    }
}
