package io.github.faceid4j.model;

import java.util.Map;

/**
 * A document warning raised by OCR ({@code WarnCardInfos}), with its documented meaning. Unknown codes are kept.
 *
 * @param code the service's numeric warning code
 */
public record OcrWarning(long code) {

    private static final Map<Long, String> DESCRIPTIONS = Map.of(
            9101L, "Document border incomplete",
            9102L, "Photocopy",
            9103L, "Re-photographed from a screen or print",
            9104L, "Edited",
            9107L, "Reflective",
            9108L, "Blurry",
            9109L, "Warnings not enabled");

    /** {@return whether the documentation lists this code} */
    public boolean isKnown() {
        return DESCRIPTIONS.containsKey(code);
    }

    /** {@return the documented meaning, or a generic text naming the code} */
    public String description() {
        String known = DESCRIPTIONS.get(code);
        return known != null ? known : "Unknown OCR warning " + code;
    }

    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
