package io.github.faceid4j.model.card;

/**
 * Exit/entry permit for travelling to and from Hong Kong, Macao or Taiwan (China).
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param name Name (JSON {@code Name})
 * @param englishName English name (JSON {@code EnglishName})
 * @param number Licence number (JSON {@code Number})
 * @param sex Gender (JSON {@code Sex})
 * @param validDate Valid date (JSON {@code ValidDate})
 * @param issueAuthority Issuing authority (JSON {@code IssueAuthority})
 * @param issueAddress Place of issue (JSON {@code IssueAddress})
 * @param birthday Birthday (JSON {@code Birthday})
 */
public record HMTPermit(
        String name,
        String englishName,
        String number,
        String sex,
        String validDate,
        String issueAuthority,
        String issueAddress,
        String birthday) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("HMTPermit",
                "name", name,
                "englishName", englishName,
                "number", number,
                "sex", sex,
                "validDate", validDate,
                "issueAuthority", issueAuthority,
                "issueAddress", issueAddress,
                "birthday", birthday);
    }
}
