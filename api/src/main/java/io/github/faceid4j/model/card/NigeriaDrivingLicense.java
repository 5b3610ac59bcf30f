package io.github.faceid4j.model.card;

/**
 * Nigeria driving licence.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param lastName Last name (JSON {@code LastName})
 * @param firstName First name (JSON {@code FirstName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param age Age (JSON {@code Age})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param issuedCountry Issuing country (JSON {@code IssuedCountry})
 * @param expirationDate Expiration date (JSON {@code ExpirationDate})
 * @param issuedDate Issued date (JSON {@code IssuedDate})
 * @param sex Gender (JSON {@code Sex})
 */
public record NigeriaDrivingLicense(
        String lastName,
        String firstName,
        String licenseNumber,
        String age,
        String birthday,
        String issuedCountry,
        String expirationDate,
        String issuedDate,
        String sex) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NigeriaDrivingLicense",
                "lastName", lastName,
                "firstName", firstName,
                "licenseNumber", licenseNumber,
                "age", age,
                "birthday", birthday,
                "issuedCountry", issuedCountry,
                "expirationDate", expirationDate,
                "issuedDate", issuedDate,
                "sex", sex);
    }
}
