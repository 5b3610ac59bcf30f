package io.github.faceid4j.model.card;

/**
 * What OCR read from the identity document, one member per supported card type; only the recognised type is set.
 *
 * <p>Every member may be {@code null}; usually exactly one is set.
 *
 * @param hkidCard the {@link HKIDCard}, or {@code null} (JSON {@code HKIDCard})
 * @param mlidCard the {@link MLIDCard}, or {@code null} (JSON {@code MLIDCard})
 * @param philippinesVoteID the {@link PhilippinesVoteID}, or {@code null} (JSON {@code PhilippinesVoteID})
 * @param indonesiaIDCard the {@link IndonesiaIDCard}, or {@code null} (JSON {@code IndonesiaIDCard})
 * @param philippinesDrivingLicense the {@link PhilippinesDrivingLicense}, or {@code null} (JSON {@code PhilippinesDrivingLicense})
 * @param philippinesTinID the {@link PhilippinesTinID}, or {@code null} (JSON {@code PhilippinesTinID})
 * @param philippinesSSSID the {@link PhilippinesSSSID}, or {@code null} (JSON {@code PhilippinesSSSID})
 * @param philippinesUMID the {@link PhilippinesUMID}, or {@code null} (JSON {@code PhilippinesUMID})
 * @param internationalIDPassport the {@link InternationalIDPassport}, or {@code null} (JSON {@code InternationalIDPassport})
 * @param generalCard the {@link GeneralCard}, or {@code null} (JSON {@code GeneralCard})
 * @param indonesiaDrivingLicense the {@link IndonesiaDrivingLicense}, or {@code null} (JSON {@code IndonesiaDrivingLicense})
 * @param thailandIDCard the {@link ThailandIDCard}, or {@code null} (JSON {@code ThailandIDCard})
 * @param singaporeIDCard the {@link SingaporeIDCard}, or {@code null} (JSON {@code SingaporeIDCard})
 * @param macaoIDCard the {@link MacaoIDCard}, or {@code null} (JSON {@code MacaoIDCard})
 * @param taiWanIDCard the {@link TaiWanIDCard}, or {@code null} (JSON {@code TaiWanIDCard})
 * @param japanIDCard the {@link JapanIDCard}, or {@code null} (JSON {@code JapanIDCard})
 * @param bangladeshIDCard the {@link BangladeshIDCard}, or {@code null} (JSON {@code BangladeshIDCard})
 * @param nigeriaIDCard the {@link NigeriaIDCard}, or {@code null} (JSON {@code NigeriaIDCard})
 * @param nigeriaDrivingLicense the {@link NigeriaDrivingLicense}, or {@code null} (JSON {@code NigeriaDrivingLicense})
 * @param pakistanIDCard the {@link PakistanIDCard}, or {@code null} (JSON {@code PakistanIDCard})
 * @param pakistanDrivingLicense the {@link PakistanDrivingLicense}, or {@code null} (JSON {@code PakistanDrivingLicense})
 */
public record CardInfo(
        HKIDCard hkidCard,
        MLIDCard mlidCard,
        PhilippinesVoteID philippinesVoteID,
        IndonesiaIDCard indonesiaIDCard,
        PhilippinesDrivingLicense philippinesDrivingLicense,
        PhilippinesTinID philippinesTinID,
        PhilippinesSSSID philippinesSSSID,
        PhilippinesUMID philippinesUMID,
        InternationalIDPassport internationalIDPassport,
        GeneralCard generalCard,
        IndonesiaDrivingLicense indonesiaDrivingLicense,
        ThailandIDCard thailandIDCard,
        SingaporeIDCard singaporeIDCard,
        MacaoIDCard macaoIDCard,
        TaiWanIDCard taiWanIDCard,
        JapanIDCard japanIDCard,
        BangladeshIDCard bangladeshIDCard,
        NigeriaIDCard nigeriaIDCard,
        NigeriaDrivingLicense nigeriaDrivingLicense,
        PakistanIDCard pakistanIDCard,
        PakistanDrivingLicense pakistanDrivingLicense) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("CardInfo",
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
                "taiWanIDCard", taiWanIDCard,
                "japanIDCard", japanIDCard,
                "bangladeshIDCard", bangladeshIDCard,
                "nigeriaIDCard", nigeriaIDCard,
                "nigeriaDrivingLicense", nigeriaDrivingLicense,
                "pakistanIDCard", pakistanIDCard,
                "pakistanDrivingLicense", pakistanDrivingLicense);
    }
}
