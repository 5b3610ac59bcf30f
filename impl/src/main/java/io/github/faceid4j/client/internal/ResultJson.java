package io.github.faceid4j.client.internal;

import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a result as JSON with the service's member names ({@code ErrorCode}, {@code OCRResult}, ...), the same
 * names the decoder reads. Media members are written as whatever text the caller chooses, so that base64 never
 * has to be printed. Absent members are left out. Internal (exported only to faceid4j's own modules: the CLI).
 */
public final class ResultJson {

    private final Jsonb jsonb;

    private ResultJson(Function<Media, String> media, boolean pretty) {
        Objects.requireNonNull(media, "media");
        this.jsonb = WireNames.jsonb(new JsonbConfig()
                .withFormatting(pretty)
                .withAdapters(new JsonbAdapter<Media, String>() {
                    @Override
                    public String adaptToJson(Media value) {
                        return media.apply(value);
                    }

                    @Override
                    public Media adaptFromJson(String text) {
                        throw new UnsupportedOperationException("ResultJson only writes");
                    }
                }));
    }

    /**
     * A writer.
     *
     * @param media  the text written in place of each media member, e.g. {@code m -> "<" + m.size() + " bytes>"}
     * @param pretty whether to indent
     * @return the writer
     */
    public static ResultJson writer(Function<Media, String> media, boolean pretty) {
        return new ResultJson(media, pretty);
    }

    /**
     * The service's JSON name for a model member's Java name: {@code mlidCard} is {@code MLIDCard}.
     *
     * @param javaName the member's name in the model
     * @return the name in the service's JSON
     */
    public static String apiName(String javaName) {
        return NAMES.translateName(javaName);
    }

    private static final WireNames NAMES = new WireNames();

    /**
     * @param result the result to write
     * @return the result as JSON, with the service's names
     */
    public String toJson(VerificationResult result) {
        return jsonb.toJson(result);
    }
}
