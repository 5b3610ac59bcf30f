package io.github.faceid4j.model.card;

/**
 * Indonesia ID card, normalised fields.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param fullName Name (JSON {@code FullName})
 * @param birthday Birth place and birthday (JSON {@code Birthday})
 * @param sex Gender (JSON {@code Sex})
 * @param bloodType Blood type (JSON {@code BloodType})
 * @param formattedAddress Address (JSON {@code FormattedAddress})
 * @param street Street (JSON {@code Street})
 * @param village Village (JSON {@code Village})
 * @param area Region (JSON {@code Area})
 * @param religion Religion (JSON {@code Religion})
 * @param maritalStatus Marital status (JSON {@code MaritalStatus})
 * @param occupation Occupation (JSON {@code Occupation})
 * @param nationality Nationality (JSON {@code Nationality})
 * @param dueDate Validity period (JSON {@code DueDate})
 * @param issuedDate Date of issue (JSON {@code IssuedDate})
 * @param province Province (JSON {@code Province})
 * @param city City (JSON {@code City})
 */
public record NormalIndonesiaIDCard(
        String licenseNumber,
        String fullName,
        String birthday,
        String sex,
        String bloodType,
        String formattedAddress,
        String street,
        String village,
        String area,
        String religion,
        String maritalStatus,
        String occupation,
        String nationality,
        String dueDate,
        String issuedDate,
        String province,
        String city) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("NormalIndonesiaIDCard",
                "licenseNumber", licenseNumber,
                "fullName", fullName,
                "birthday", birthday,
                "sex", sex,
                "bloodType", bloodType,
                "formattedAddress", formattedAddress,
                "street", street,
                "village", village,
                "area", area,
                "religion", religion,
                "maritalStatus", maritalStatus,
                "occupation", occupation,
                "nationality", nationality,
                "dueDate", dueDate,
                "issuedDate", issuedDate,
                "province", province,
                "city", city);
    }
}
