package io.github.faceid4j.model.card;

/**
 * Malaysia ID card.
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param name Full name (JSON {@code Name})
 * @param id Licence number (JSON {@code ID})
 * @param sex Gender (JSON {@code Sex})
 * @param address Address (JSON {@code Address})
 * @param type Licence type (MyKad, MyPR, MyTentera, MyKAS, POLIS, IKAD, MyKid) (JSON {@code Type})
 * @param birthday Birthday (JSON {@code Birthday})
 */
public record MLIDCard(
        String name,
        String id,
        String sex,
        String address,
        String type,
        String birthday) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("MLIDCard",
                "name", name,
                "id", id,
                "sex", sex,
                "address", address,
                "type", type,
                "birthday", birthday);
    }
}
