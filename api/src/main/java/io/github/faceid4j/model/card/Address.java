package io.github.faceid4j.model.card;

/**
 * Structured postal address (inside GeneralCard).
 *
 * <p>Every field may be {@code null} when the service could not read it. All values are the
 * service's text, unparsed. {@link #toString()} masks every value: they are personal data.
 *
 * @param country Country (JSON {@code Country})
 * @param postalCode Post code (JSON {@code PostalCode})
 * @param subdivision Subregion (JSON {@code Subdivision})
 * @param city City (JSON {@code City})
 * @param formattedAddress Complete address (JSON {@code FormattedAddress})
 * @param lineOne First address line (JSON {@code LineOne})
 * @param lineTwo Second address line (JSON {@code LineTwo})
 * @param lineThree Third address line (JSON {@code LineThree})
 * @param lineFour Fourth address line (JSON {@code LineFour})
 * @param lineFive Fifth address line (JSON {@code LineFive})
 */
public record Address(
        String country,
        String postalCode,
        String subdivision,
        String city,
        String formattedAddress,
        String lineOne,
        String lineTwo,
        String lineThree,
        String lineFour,
        String lineFive) {

    /** Lists which fields are present; every value is masked, nested types print themselves. */
    @Override
    public String toString() {
        return Redaction.describe("Address",
                "country", country,
                "postalCode", postalCode,
                "subdivision", subdivision,
                "city", city,
                "formattedAddress", formattedAddress,
                "lineOne", lineOne,
                "lineTwo", lineTwo,
                "lineThree", lineThree,
                "lineFour", lineFour,
                "lineFive", lineFive);
    }
}
