package io.github.faceid4j.model.card;

/**
 * Thailand ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param lastName Last name (JSON {@code LastName})
 * @param firstName First name (JSON {@code FirstName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param dateOfBirth Birthday (JSON {@code DateOfBirth})
 * @param dateOfExpiry Date of expiry (JSON {@code DateOfExpiry})
 * @param dateOfIssue Date of issue (JSON {@code DateOfIssue})
 * @param issuedCountry Issuing country (JSON {@code IssuedCountry})
 */
public record ThailandIDCard(
        String lastName,
        String firstName,
        String licenseNumber,
        String dateOfBirth,
        String dateOfExpiry,
        String dateOfIssue,
        String issuedCountry) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("ThailandIDCard",
                "lastName", lastName,
                "firstName", firstName,
                "licenseNumber", licenseNumber,
                "dateOfBirth", dateOfBirth,
                "dateOfExpiry", dateOfExpiry,
                "dateOfIssue", dateOfIssue,
                "issuedCountry", issuedCountry);
    }
}
