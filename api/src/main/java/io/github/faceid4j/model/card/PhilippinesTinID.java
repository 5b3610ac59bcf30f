package io.github.faceid4j.model.card;

/**
 * Philippines TIN ID.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param licenseNumber Licence number (JSON {@code LicenseNumber})
 * @param fullName Full name (JSON {@code FullName})
 * @param address Address (JSON {@code Address})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param issueDate Date of issue (JSON {@code IssueDate})
 */
public record PhilippinesTinID(
        String licenseNumber,
        String fullName,
        String address,
        String birthday,
        String issueDate) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PhilippinesTinID",
                "licenseNumber", licenseNumber,
                "fullName", fullName,
                "address", address,
                "birthday", birthday,
                "issueDate", issueDate);
    }
}
