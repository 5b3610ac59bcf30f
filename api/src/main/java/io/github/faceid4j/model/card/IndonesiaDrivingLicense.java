package io.github.faceid4j.model.card;

/**
 * Indonesia driving licence.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param lastName Last name (JSON {@code LastName})
 * @param firstName First name (JSON {@code FirstName})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param address Address (JSON {@code Address})
 * @param expirationDate Expiration date (JSON {@code ExpirationDate})
 * @param issuedDate Date of issue (JSON {@code IssuedDate})
 * @param issuedCountry Issuing country (JSON {@code IssuedCountry})
 */
public record IndonesiaDrivingLicense(
        String lastName,
        String firstName,
        String licenseNumber,
        String birthday,
        String address,
        String expirationDate,
        String issuedDate,
        String issuedCountry) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("IndonesiaDrivingLicense",
                "lastName", lastName,
                "firstName", firstName,
                "licenseNumber", licenseNumber,
                "birthday", birthday,
                "address", address,
                "expirationDate", expirationDate,
                "issuedDate", issuedDate,
                "issuedCountry", issuedCountry);
    }
}
