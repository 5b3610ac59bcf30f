package io.github.faceid4j.model.card;

/**
 * Mainland (China) ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param fullName Chinese name (JSON {@code FullName})
 * @param sex Gender (JSON {@code Sex})
 * @param nation Ethnicity (JSON {@code Nation})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param address Address (deprecated by the service; see formattedAddress) (JSON {@code Address})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param formattedAddress Address (JSON {@code FormattedAddress})
 * @param authority Issuing authority (JSON {@code Authority})
 * @param validDate Validity period (JSON {@code ValidDate})
 */
public record MainlandIDCard(
        String fullName,
        String sex,
        String nation,
        String birthday,
        String address,
        String licenseNumber,
        String formattedAddress,
        String authority,
        String validDate) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("MainlandIDCard",
                "fullName", fullName,
                "sex", sex,
                "nation", nation,
                "birthday", birthday,
                "address", address,
                "licenseNumber", licenseNumber,
                "formattedAddress", formattedAddress,
                "authority", authority,
                "validDate", validDate);
    }
}
