package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * The identity document the customer presents when the check mode includes OCR ({@code HKIDCard}: Hong Kong,
 * {@code MLIDCard}: Malaysia...).
 * Wire name {@code Config.IDCardType}. {@link #of(String)} keeps a value newer than this library.
 */
public final class IdCardType extends WireValue {

    /** HKIDCard ({@code HKIDCard}). */
    public static final IdCardType HK_ID_CARD = new IdCardType("HKIDCard", true);

    /** MLIDCard ({@code MLIDCard}). */
    public static final IdCardType ML_ID_CARD = new IdCardType("MLIDCard", true);

    /** IndonesiaIDCard ({@code IndonesiaIDCard}). */
    public static final IdCardType INDONESIA_ID_CARD = new IdCardType("IndonesiaIDCard", true);

    /** PhilippinesVoteID ({@code PhilippinesVoteID}). */
    public static final IdCardType PHILIPPINES_VOTE_ID = new IdCardType("PhilippinesVoteID", true);

    /** PhilippinesDrivingLicense ({@code PhilippinesDrivingLicense}). */
    public static final IdCardType PHILIPPINES_DRIVING_LICENSE = new IdCardType("PhilippinesDrivingLicense", true);

    /** PhilippinesTinID ({@code PhilippinesTinID}). */
    public static final IdCardType PHILIPPINES_TIN_ID = new IdCardType("PhilippinesTinID", true);

    /** PhilippinesSSSID ({@code PhilippinesSSSID}). */
    public static final IdCardType PHILIPPINES_SSS_ID = new IdCardType("PhilippinesSSSID", true);

    /** PhilippinesUMID ({@code PhilippinesUMID}). */
    public static final IdCardType PHILIPPINES_UMID = new IdCardType("PhilippinesUMID", true);

    /** InternationalIDPassport ({@code InternationalIDPassport}). */
    public static final IdCardType INTERNATIONAL_ID_PASSPORT = new IdCardType("InternationalIDPassport", true);

    /** ThailandIDCard ({@code ThailandIDCard}). */
    public static final IdCardType THAILAND_ID_CARD = new IdCardType("ThailandIDCard", true);

    /** SingaporeIDCard ({@code SingaporeIDCard}). */
    public static final IdCardType SINGAPORE_ID_CARD = new IdCardType("SingaporeIDCard", true);

    /** MainlandIDCard ({@code MainlandIDCard}). */
    public static final IdCardType MAINLAND_ID_CARD = new IdCardType("MainlandIDCard", true);

    private static final List<IdCardType> KNOWN = List.of(HK_ID_CARD, ML_ID_CARD, INDONESIA_ID_CARD, PHILIPPINES_VOTE_ID, PHILIPPINES_DRIVING_LICENSE, PHILIPPINES_TIN_ID, PHILIPPINES_SSS_ID, PHILIPPINES_UMID, INTERNATIONAL_ID_PASSPORT, THAILAND_ID_CARD, SINGAPORE_ID_CARD, MAINLAND_ID_CARD);

    private final String value;

    private IdCardType(String value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value (exact spelling), or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for a blank value, surrounding spaces or more than 64 characters
     */
    public static IdCardType of(String value) {
        for (IdCardType k : KNOWN) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        return new IdCardType(requireWireText(value, "Config.IDCardType"), false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<IdCardType> knownValues() {
        return KNOWN;
    }

    /** {@return the text sent to the service} */
    public String value() {
        return value;
    }
}
