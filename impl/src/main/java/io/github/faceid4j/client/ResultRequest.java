package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.WireNames;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;

import java.nio.charset.StandardCharsets;

/**
 * The body of a {@code GetWebVerificationResultIntl} request, {@code {"BizToken":"..."}}, in the wire's names
 * ({@link WireNames}). Its answer is {@link ResponseDecoder}'s; Apply has both in {@link ApplyCodec}.
 */
final class ResultRequest {

    private final Jsonb jsonb = WireNames.jsonb(new JsonbConfig());

    byte[] body(String bizToken) {
        return jsonb.toJson(new Wire.Request(bizToken)).getBytes(StandardCharsets.UTF_8);
    }
}
