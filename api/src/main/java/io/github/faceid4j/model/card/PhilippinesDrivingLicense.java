package io.github.faceid4j.model.card;

/**
 * Philippines driving licence.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param name Full name (JSON {@code Name})
 * @param lastName Last name (JSON {@code LastName})
 * @param firstName First name (JSON {@code FirstName})
 * @param middleName Middle name (JSON {@code MiddleName})
 * @param nationality Nationality (JSON {@code Nationality})
 * @param sex Gender (JSON {@code Sex})
 * @param address Address (JSON {@code Address})
 * @param licenseNo Licence number (JSON {@code LicenseNo})
 * @param expiresDate Date of expiry (JSON {@code ExpiresDate})
 * @param agencyCode Agency code (JSON {@code AgencyCode})
 * @param birthday Birthday (JSON {@code Birthday})
 */
public record PhilippinesDrivingLicense(
        String name,
        String lastName,
        String firstName,
        String middleName,
        String nationality,
        String sex,
        String address,
        String licenseNo,
        String expiresDate,
        String agencyCode,
        String birthday) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PhilippinesDrivingLicense",
                "name", name,
                "lastName", lastName,
                "firstName", firstName,
                "middleName", middleName,
                "nationality", nationality,
                "sex", sex,
                "address", address,
                "licenseNo", licenseNo,
                "expiresDate", expiresDate,
                "agencyCode", agencyCode,
                "birthday", birthday);
    }
}
