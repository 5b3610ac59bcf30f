package io.github.faceid4j.model.card;

/**
 * Pakistan ID card.
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
 */
public record PakistanIDCard(
        String lastName,
        String firstName,
        String licenseNumber,
        String age,
        String birthday,
        String issuedCountry) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PakistanIDCard",
                "lastName", lastName,
                "firstName", firstName,
                "licenseNumber", licenseNumber,
                "age", age,
                "birthday", birthday,
                "issuedCountry", issuedCountry);
    }
}
