package io.github.faceid4j.model.card;

/**
 * General licence information.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param personalNumber Personal number (passports) (JSON {@code PersonalNumber})
 * @param passportCodeFirst First MRZ line (JSON {@code PassportCodeFirst})
 * @param passportCodeSecond Second MRZ line (JSON {@code PassportCodeSecond})
 * @param expirationDate Date of expiry (YYYY-MM-DD) (JSON {@code ExpirationDate})
 * @param dueDate Valid date (YYYY-MM-DD) (JSON {@code DueDate})
 * @param issuedDate Date of issue (YYYY-MM-DD) (JSON {@code IssuedDate})
 * @param issuedAuthority Issuing authority (JSON {@code IssuedAuthority})
 * @param issuedCountry Issuing country (ISO 3166) (JSON {@code IssuedCountry})
 * @param fullName Full name (JSON {@code FullName})
 * @param firstName First name (JSON {@code FirstName})
 * @param lastName Last name (JSON {@code LastName})
 * @param sex Gender (M, F, X) (JSON {@code Sex})
 * @param age Age (0 when unknown) (JSON {@code Age})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param birthPlace Birth place (JSON {@code BirthPlace})
 * @param nationality Nationality (ISO 3166) (JSON {@code Nationality})
 * @param registrationNumber Registration number (JSON {@code RegistrationNumber})
 * @param address Structured address (JSON {@code Address})
 * @param fullNameLocal Localized full name (JSON {@code FullNameLocal})
 * @param firstNameLocal Localized first name (JSON {@code FirstNameLocal})
 * @param lastNameLocal Localized last name (JSON {@code LastNameLocal})
 */
public record GeneralCard(
        String licenseNumber,
        String personalNumber,
        String passportCodeFirst,
        String passportCodeSecond,
        String expirationDate,
        String dueDate,
        String issuedDate,
        String issuedAuthority,
        String issuedCountry,
        String fullName,
        String firstName,
        String lastName,
        String sex,
        String age,
        String birthday,
        String birthPlace,
        String nationality,
        String registrationNumber,
        Address address,
        String fullNameLocal,
        String firstNameLocal,
        String lastNameLocal) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("GeneralCard",
                "licenseNumber", licenseNumber,
                "personalNumber", personalNumber,
                "passportCodeFirst", passportCodeFirst,
                "passportCodeSecond", passportCodeSecond,
                "expirationDate", expirationDate,
                "dueDate", dueDate,
                "issuedDate", issuedDate,
                "issuedAuthority", issuedAuthority,
                "issuedCountry", issuedCountry,
                "fullName", fullName,
                "firstName", firstName,
                "lastName", lastName,
                "sex", sex,
                "age", age,
                "birthday", birthday,
                "birthPlace", birthPlace,
                "nationality", nationality,
                "registrationNumber", registrationNumber,
                "address", address,
                "fullNameLocal", fullNameLocal,
                "firstNameLocal", firstNameLocal,
                "lastNameLocal", lastNameLocal);
    }
}
