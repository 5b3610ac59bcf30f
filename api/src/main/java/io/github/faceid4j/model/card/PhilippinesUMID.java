package io.github.faceid4j.model.card;

/**
 * Philippines UMID.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param surname Surname (JSON {@code Surname})
 * @param middleName Middle name (JSON {@code MiddleName})
 * @param givenName Given name (JSON {@code GivenName})
 * @param sex Gender (JSON {@code Sex})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param address Address (JSON {@code Address})
 * @param crn Common reference number (JSON {@code CRN})
 */
public record PhilippinesUMID(
        String surname,
        String middleName,
        String givenName,
        String sex,
        String birthday,
        String address,
        String crn) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PhilippinesUMID",
                "surname", surname,
                "middleName", middleName,
                "givenName", givenName,
                "sex", sex,
                "birthday", birthday,
                "address", address,
                "crn", crn);
    }
}
