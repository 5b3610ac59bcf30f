package io.github.faceid4j.model.card;

/**
 * Malaysia ID card, normalised fields.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param fullName Full name (JSON {@code FullName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param sex Gender (JSON {@code Sex})
 * @param formattedAddress Address (JSON {@code FormattedAddress})
 * @param type Licence type (JSON {@code Type})
 * @param birthday Birthday (JSON {@code Birthday})
 */
public record NormalMLIDCard(
        String fullName,
        String licenseNumber,
        String sex,
        String formattedAddress,
        String type,
        String birthday) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NormalMLIDCard",
                "fullName", fullName,
                "licenseNumber", licenseNumber,
                "sex", sex,
                "formattedAddress", formattedAddress,
                "type", type,
                "birthday", birthday);
    }
}
