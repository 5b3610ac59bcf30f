package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.List;

/**
 * The language of the hosted pages. The service's default is {@link #ENGLISH}.
 * Wire name {@code Config.Language}. {@link #of(String)} keeps a value newer than this library.
 */
public final class Language extends WireValue {

    /** Thai ({@code th}). */
    public static final Language THAI = new Language("th", true);

    /** English, the service's default ({@code en}). */
    public static final Language ENGLISH = new Language("en", true);

    /** Simplified Chinese ({@code zh-cn}). */
    public static final Language SIMPLIFIED_CHINESE = new Language("zh-cn", true);

    /** Traditional Chinese ({@code zh-tc}). */
    public static final Language TRADITIONAL_CHINESE = new Language("zh-tc", true);

    /** Indonesian ({@code id}). */
    public static final Language INDONESIAN = new Language("id", true);

    private static final List<Language> KNOWN = List.of(THAI, ENGLISH, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE, INDONESIAN);

    private final String value;

    private Language(String value, boolean known) {
        super(value, known);
        this.value = value;
    }

    /**
     * {@return the constant for a documented value (exact spelling), or a value this library does not know, kept as given}
     *
     * @param value the value as sent
     * @throws InvalidRequestException for a blank value, surrounding spaces or more than 64 characters
     */
    public static Language of(String value) {
        for (Language k : KNOWN) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        return new Language(requireWireText(value, "Config.Language"), false);
    }

    /** {@return the documented values, in the documents' order} */
    public static List<Language> knownValues() {
        return KNOWN;
    }

    /** {@return the text sent to the service} */
    public String value() {
        return value;
    }
}
