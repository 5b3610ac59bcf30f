package io.github.faceid4j.model.card;

/**
 * Taiwan (China) ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param fullName Full name (JSON {@code FullName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param sex Gender (JSON {@code Sex})
 * @param issuedCountry Issuing country (JSON {@code IssuedCountry})
 * @param registrationNumber Registration number (JSON {@code RegistrationNumber})
 */
public record TaiWanIDCard(
        String fullName,
        String licenseNumber,
        String sex,
        String issuedCountry,
        String registrationNumber) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("TaiWanIDCard",
                "fullName", fullName,
                "licenseNumber", licenseNumber,
                "sex", sex,
                "issuedCountry", issuedCountry,
                "registrationNumber", registrationNumber);
    }
}
