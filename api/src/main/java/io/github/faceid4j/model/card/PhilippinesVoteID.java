package io.github.faceid4j.model.card;

/**
 * Philippines voter ID.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param vin Voter identification number (JSON {@code VIN})
 * @param firstName First name (JSON {@code FirstName})
 * @param lastName Last name (JSON {@code LastName})
 * @param birthday Birthday (JSON {@code Birthday})
 * @param civilStatus Civil status (JSON {@code CivilStatus})
 * @param citizenship Nationality (JSON {@code Citizenship})
 * @param address Address (JSON {@code Address})
 * @param precinctNo Precinct (region) (JSON {@code PrecinctNo})
 */
public record PhilippinesVoteID(
        String vin,
        String firstName,
        String lastName,
        String birthday,
        String civilStatus,
        String citizenship,
        String address,
        String precinctNo) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("PhilippinesVoteID",
                "vin", vin,
                "firstName", firstName,
                "lastName", lastName,
                "birthday", birthday,
                "civilStatus", civilStatus,
                "citizenship", citizenship,
                "address", address,
                "precinctNo", precinctNo);
    }
}
