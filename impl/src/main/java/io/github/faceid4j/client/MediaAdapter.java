package io.github.faceid4j.client;

import io.github.faceid4j.model.Media;
import jakarta.json.bind.adapter.JsonbAdapter;

/** Base64 text in JSON, {@link Media} in the model. */
final class MediaAdapter implements JsonbAdapter<Media, String> {

    @Override
    public String adaptToJson(Media media) {
        return media.toBase64();
    }

    @Override
    public Media adaptFromJson(String base64) {
        return base64 == null ? null : Media.ofBase64(base64);
    }
}
