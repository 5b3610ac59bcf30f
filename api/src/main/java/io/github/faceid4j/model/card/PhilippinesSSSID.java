package io.github.faceid4j.model.card;

/**
 * Philippines SSS ID.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param fullName Full name (JSON {@code FullName})
 * @param birthday Birthday (JSON {@code Birthday})
 */
public record PhilippinesSSSID(
        String licenseNumber,
        String fullName,
        String birthday) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PhilippinesSSSID",
                "licenseNumber", licenseNumber,
                "fullName", fullName,
                "birthday", birthday);
    }
}
