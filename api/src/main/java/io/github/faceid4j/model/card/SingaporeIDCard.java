package io.github.faceid4j.model.card;

/**
 * Singapore ID card (NRIC).
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param chName Chinese name (JSON {@code ChName})
 * @param chineseName Chinese name (JSON {@code ChineseName})
 * @param enName English name (JSON {@code EnName})
 * @param fullName English name (JSON {@code FullName})
 * @param id Licence number (JSON {@code ID})
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param sex Gender (JSON {@code Sex})
 * @param countryOfBirth Country of birth (JSON {@code CountryOfBirth})
 * @param nationality Nationality (JSON {@code Nationality})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param address Address (back side) (JSON {@code Address})
 * @param race Race (back side) (JSON {@code Race})
 * @param nricCode NRIC number (back side) (JSON {@code NRICCode})
 * @param postCode Post code (front side) (JSON {@code PostCode})
 * @param dateOfExpiration Date of expiry (back side) (JSON {@code DateOfExpiration})
 * @param dateOfIssue Date of issue (back side) (JSON {@code DateOfIssue})
 */
public record SingaporeIDCard(
        String chName,
        String chineseName,
        String enName,
        String fullName,
        String id,
        String licenseNumber,
        String sex,
        String countryOfBirth,
        String nationality,
        String birthday,
        String address,
        String race,
        String nricCode,
        String postCode,
        String dateOfExpiration,
        String dateOfIssue) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("SingaporeIDCard",
                "chName", chName,
                "chineseName", chineseName,
                "enName", enName,
                "fullName", fullName,
                "id", id,
                "licenseNumber", licenseNumber,
                "sex", sex,
                "countryOfBirth", countryOfBirth,
                "nationality", nationality,
                "birthday", birthday,
                "address", address,
                "race", race,
                "nricCode", nricCode,
                "postCode", postCode,
                "dateOfExpiration", dateOfExpiration,
                "dateOfIssue", dateOfIssue);
    }
}
