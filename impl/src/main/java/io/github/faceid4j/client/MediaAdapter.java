package io.github.faceid4j.client;

import io.github.faceid4j.model.Media;
import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.List;
import java.util.function.Supplier;

/**
 * Base64 text in JSON, {@link Media} in the model. While a response is decoded, the media that
 * {@link MediaSlicer} cut out of the body are in scope, and their placeholders resolve to them.
 */
final class MediaAdapter implements JsonbAdapter<Media, String> {

    /** JSON-B calls adapters on the decoding thread, so the media of the document being decoded live here. */
    private static final ThreadLocal<List<Media>> IN_SCOPE = new ThreadLocal<>();

    static <T> T withMedia(List<Media> media, Supplier<T> decode) {
        IN_SCOPE.set(media);
        try {
            return decode.get();
        } finally {
            IN_SCOPE.remove();
        }
    }

    @Override
    public String adaptToJson(Media media) {
        return media.toBase64();
    }

    @Override
    public Media adaptFromJson(String base64) {
        if (base64 == null) {
            return null;
        }
        List<Media> media = IN_SCOPE.get();
        if (media != null && !base64.isEmpty() && base64.charAt(0) == MediaSlicer.PLACEHOLDER) {
            return media.get(Integer.parseInt(base64, 1, base64.length(), 10));
        }
        return Media.ofBase64(base64);
    }
}
