package io.github.faceid4j.model.card;

/**
 * Thailand ID card, normalised fields.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param fullName Thai name (JSON {@code FullName})
 * @param lastName Last name (JSON {@code LastName})
 * @param firstName First name (JSON {@code FirstName})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param formattedAddress Address (JSON {@code FormattedAddress})
 * @param expirationDate Expiration date (JSON {@code ExpirationDate})
 * @param issuedDate Issued date (JSON {@code IssuedDate})
 * @param registrationNumber Registration number (JSON {@code RegistrationNumber})
 * @param religion Religion (JSON {@code Religion})
 * @param thaiBirthday Birthday in Thai (JSON {@code ThaiBirthday})
 * @param thaiExpirationDate Expiration date in Thai (JSON {@code ThaiExpirationDate})
 * @param thaiIssueDate Issued date in Thai (JSON {@code ThaiIssueDate})
 */
public record NormalThailandIDCard(
        String licenseNumber,
        String fullName,
        String lastName,
        String firstName,
        String birthday,
        String formattedAddress,
        String expirationDate,
        String issuedDate,
        String registrationNumber,
        String religion,
        String thaiBirthday,
        String thaiExpirationDate,
        String thaiIssueDate) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NormalThailandIDCard",
                "licenseNumber", licenseNumber,
                "fullName", fullName,
                "lastName", lastName,
                "firstName", firstName,
                "birthday", birthday,
                "formattedAddress", formattedAddress,
                "expirationDate", expirationDate,
                "issuedDate", issuedDate,
                "registrationNumber", registrationNumber,
                "religion", religion,
                "thaiBirthday", thaiBirthday,
                "thaiExpirationDate", thaiExpirationDate,
                "thaiIssueDate", thaiIssueDate);
    }
}
