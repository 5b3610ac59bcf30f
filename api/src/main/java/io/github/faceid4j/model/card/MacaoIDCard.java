package io.github.faceid4j.model.card;

/**
 * Macao (China) ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param firstName First name (JSON {@code FirstName})
 * @param lastName Last name (JSON {@code LastName})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param expirationDate Expiration date (JSON {@code ExpirationDate})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param sex Gender (JSON {@code Sex})
 * @param age Age (JSON {@code Age})
 * @param issuedCountry Issuing country (JSON {@code IssuedCountry})
 * @param field1 First MRZ line (JSON {@code Field1})
 * @param field2 Second MRZ line (JSON {@code Field2})
 */
public record MacaoIDCard(
        String firstName,
        String lastName,
        String birthday,
        String expirationDate,
        String licenseNumber,
        String sex,
        String age,
        String issuedCountry,
        String field1,
        String field2) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("MacaoIDCard",
                "firstName", firstName,
                "lastName", lastName,
                "birthday", birthday,
                "expirationDate", expirationDate,
                "licenseNumber", licenseNumber,
                "sex", sex,
                "age", age,
                "issuedCountry", issuedCountry,
                "field1", field1,
                "field2", field2);
    }
}
