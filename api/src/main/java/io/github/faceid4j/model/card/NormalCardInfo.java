package io.github.faceid4j.model.card;

/**
 * Document recognition result in normalised fields (returned when the verification ran with CheckMode 4).
 *
 * <p>Every member may be {@code null}; usually exactly one is set.
 *
 * @param hkidCard the {@link NormalHKIDCard}, or {@code null} (JSON {@code HKIDCard})
 * @param mlidCard the {@link NormalMLIDCard}, or {@code null} (JSON {@code MLIDCard})
 * @param philippinesVoteID the {@link PhilippinesVoteID}, or {@code null} (JSON {@code PhilippinesVoteID})
 * @param indonesiaIDCard the {@link NormalIndonesiaIDCard}, or {@code null} (JSON {@code IndonesiaIDCard})
 * @param philippinesDrivingLicense the {@link PhilippinesDrivingLicense}, or {@code null} (JSON {@code PhilippinesDrivingLicense})
 * @param philippinesTinID the {@link PhilippinesTinID}, or {@code null} (JSON {@code PhilippinesTinID})
 * @param philippinesSSSID the {@link PhilippinesSSSID}, or {@code null} (JSON {@code PhilippinesSSSID})
 * @param philippinesUMID the {@link PhilippinesUMID}, or {@code null} (JSON {@code PhilippinesUMID})
 * @param internationalIDPassport the {@link InternationalIDPassport}, or {@code null} (JSON {@code InternationalIDPassport})
 * @param generalCard the {@link GeneralCard}, or {@code null} (JSON {@code GeneralCard})
 * @param indonesiaDrivingLicense the {@link IndonesiaDrivingLicense}, or {@code null} (JSON {@code IndonesiaDrivingLicense})
 * @param thailandIDCard the {@link NormalThailandIDCard}, or {@code null} (JSON {@code ThailandIDCard})
 * @param singaporeIDCard the {@link SingaporeIDCard}, or {@code null} (JSON {@code SingaporeIDCard})
 * @param macaoIDCard the {@link MacaoIDCard}, or {@code null} (JSON {@code MacaoIDCard})
 * @param mainlandIDCard the {@link MainlandIDCard}, or {@code null} (JSON {@code MainlandIDCard})
 * @param japanIDCard the {@link JapanIDCard}, or {@code null} (JSON {@code JapanIDCard})
 * @param taiWanIDCard the {@link TaiWanIDCard}, or {@code null} (JSON {@code TaiWanIDCard})
 * @param hmtPermitCard the {@link HMTPermit}, or {@code null} (JSON {@code HMTPermitCard})
 */
public record NormalCardInfo(
        NormalHKIDCard hkidCard,
        NormalMLIDCard mlidCard,
        PhilippinesVoteID philippinesVoteID,
        NormalIndonesiaIDCard indonesiaIDCard,
        PhilippinesDrivingLicense philippinesDrivingLicense,
        PhilippinesTinID philippinesTinID,
        PhilippinesSSSID philippinesSSSID,
        PhilippinesUMID philippinesUMID,
        InternationalIDPassport internationalIDPassport,
        GeneralCard generalCard,
        IndonesiaDrivingLicense indonesiaDrivingLicense,
        NormalThailandIDCard thailandIDCard,
        SingaporeIDCard singaporeIDCard,
        MacaoIDCard macaoIDCard,
        MainlandIDCard mainlandIDCard,
        JapanIDCard japanIDCard,
        TaiWanIDCard taiWanIDCard,
        HMTPermit hmtPermitCard) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NormalCardInfo",
                "hkidCard", hkidCard,
                "mlidCard", mlidCard,
                "philippinesVoteID", philippinesVoteID,
                "indonesiaIDCard", indonesiaIDCard,
                "philippinesDrivingLicense", philippinesDrivingLicense,
                "philippinesTinID", philippinesTinID,
                "philippinesSSSID", philippinesSSSID,
                "philippinesUMID", philippinesUMID,
                "internationalIDPassport", internationalIDPassport,
                "generalCard", generalCard,
                "indonesiaDrivingLicense", indonesiaDrivingLicense,
                "thailandIDCard", thailandIDCard,
                "singaporeIDCard", singaporeIDCard,
                "macaoIDCard", macaoIDCard,
                "mainlandIDCard", mainlandIDCard,
                "japanIDCard", japanIDCard,
                "taiWanIDCard", taiWanIDCard,
                "hmtPermitCard", hmtPermitCard);
    }
}
