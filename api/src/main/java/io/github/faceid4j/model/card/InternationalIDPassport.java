package io.github.faceid4j.model.card;

/**
 * Passport, and ID cards of Hong Kong, Macao and Taiwan (China).
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Passport number (JSON {@code LicenseNumber})
 * @param fullName Full name (JSON {@code FullName})
 * @param surname Last name (JSON {@code Surname})
 * @param givenName First name (JSON {@code GivenName})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param sex Gender (F, M) (JSON {@code Sex})
 * @param dateOfExpiration Expiration date (JSON {@code DateOfExpiration})
 * @param issuingCountry Issuing country (JSON {@code IssuingCountry})
 * @param nationalityCode Nationality code (JSON {@code NationalityCode})
 * @param passportCodeFirst First MRZ line (JSON {@code PassportCodeFirst})
 * @param passportCodeSecond Second MRZ line (JSON {@code PassportCodeSecond})
 */
public record InternationalIDPassport(
        String licenseNumber,
        String fullName,
        String surname,
        String givenName,
        String birthday,
        String sex,
        String dateOfExpiration,
        String issuingCountry,
        String nationalityCode,
        String passportCodeFirst,
        String passportCodeSecond) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("InternationalIDPassport",
                "licenseNumber", licenseNumber,
                "fullName", fullName,
                "surname", surname,
                "givenName", givenName,
                "birthday", birthday,
                "sex", sex,
                "dateOfExpiration", dateOfExpiration,
                "issuingCountry", issuingCountry,
                "nationalityCode", nationalityCode,
                "passportCodeFirst", passportCodeFirst,
                "passportCodeSecond", passportCodeSecond);
    }
}
