package io.github.faceid4j.model.card;

/**
 * Hong Kong (China) ID card, normalised fields.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param chineseName Chinese name (JSON {@code ChineseName})
 * @param fullName English name (JSON {@code FullName})
 * @param registrationNumber Telex code of the Chinese name (JSON {@code RegistrationNumber})
 * @param sex Gender (JSON {@code Sex})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param permanent Permanent resident (0, 1, -1 unknown) (JSON {@code Permanent})
 * @param licenseNumber ID card number (JSON {@code LicenseNumber})
 * @param symbol Licence symbol below the birthday (JSON {@code Symbol})
 * @param issuedDate First date of issue (JSON {@code IssuedDate})
 * @param currentIssueDate Current date of issue (JSON {@code CurrentIssueDate})
 */
public record NormalHKIDCard(
        String chineseName,
        String fullName,
        String registrationNumber,
        String sex,
        String birthday,
        String permanent,
        String licenseNumber,
        String symbol,
        String issuedDate,
        String currentIssueDate) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NormalHKIDCard",
                "chineseName", chineseName,
                "fullName", fullName,
                "registrationNumber", registrationNumber,
                "sex", sex,
                "birthday", birthday,
                "permanent", permanent,
                "licenseNumber", licenseNumber,
                "symbol", symbol,
                "issuedDate", issuedDate,
                "currentIssueDate", currentIssueDate);
    }
}
