package io.github.faceid4j.model.card;

/**
 * Japan ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param fullName Full name (JSON {@code FullName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param age Age (JSON {@code Age})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param expirationDate Expiration date (JSON {@code ExpirationDate})
 * @param formattedAddress Address (JSON {@code FormattedAddress})
 */
public record JapanIDCard(
        String fullName,
        String licenseNumber,
        String age,
        String birthday,
        String expirationDate,
        String formattedAddress) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("JapanIDCard",
                "fullName", fullName,
                "licenseNumber", licenseNumber,
                "age", age,
                "birthday", birthday,
                "expirationDate", expirationDate,
                "formattedAddress", formattedAddress);
    }
}
