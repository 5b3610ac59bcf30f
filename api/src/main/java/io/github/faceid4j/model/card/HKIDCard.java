package io.github.faceid4j.model.card;

/**
 * Hong Kong (China) ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param cnName Chinese name (JSON {@code CnName})
 * @param enName English name (JSON {@code EnName})
 * @param telexCode Telex code of the Chinese name (JSON {@code TelexCode})
 * @param sex Gender (JSON {@code Sex})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param permanent Permanent resident (0 non-permanent, 1 permanent, -1 unknown) (JSON {@code Permanent})
 * @param idNum ID card number (JSON {@code IdNum})
 * @param symbol Licence symbol below the birthday (JSON {@code Symbol})
 * @param firstIssueDate First date of issue (JSON {@code FirstIssueDate})
 * @param currentIssueDate Current date of issue (JSON {@code CurrentIssueDate})
 */
public record HKIDCard(
        String cnName,
        String enName,
        String telexCode,
        String sex,
        String birthday,
        String permanent,
        String idNum,
        String symbol,
        String firstIssueDate,
        String currentIssueDate) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("HKIDCard",
                "cnName", cnName,
                "enName", enName,
                "telexCode", telexCode,
                "sex", sex,
                "birthday", birthday,
                "permanent", permanent,
                "idNum", idNum,
                "symbol", symbol,
                "firstIssueDate", firstIssueDate,
                "currentIssueDate", currentIssueDate);
    }
}
