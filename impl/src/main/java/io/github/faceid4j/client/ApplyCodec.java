package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.client.internal.WireNames;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.model.start.Edition;
import io.github.faceid4j.model.start.IdCardType;
import io.github.faceid4j.model.start.Language;
import io.github.faceid4j.model.start.LivenessAction;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationConfig;
import io.github.faceid4j.model.start.WebVerificationRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * {@code ApplyWebVerificationBizTokenIntl} on the wire: the request as a {@link StreamedBody} (its members through
 * JSON-B and {@link WireNames}, the compare image streamed in after them) and the answer decoded, or the right
 * exception.
 */
final class ApplyCodec {

    static final String ACTION = "ApplyWebVerificationBizTokenIntl";

    private final Jsonb jsonb = WireNames.jsonb(new JsonbConfig());
    private final String imageMember = '"' + new WireNames().translateName("compareImageBase64") + "\":\"";

    /**
     * The request body. Reads a compare image once, to hash it (see {@link StreamedBody}).
     *
     * @throws java.io.UncheckedIOException when the compare image cannot be read
     */
    StreamedBody requestBody(WebVerificationRequest request) {
        WebVerificationConfig c = request.config();
        Wire.ApplyConfig config = c.isEmpty() ? null : new Wire.ApplyConfig(c.autoSkipStartPage(), c.autoSkip(),
                c.checkMode() == null ? null : c.checkMode().value(), wire(c.idCardType()),
                c.disableCheckOcrWarnings(), c.securityLevel() == null ? null : c.securityLevel().value(),
                c.skipPrivacyPolicy(), c.idCardCutReturn(), c.themeColor(), wire(c.language()),
                c.autoDowngrade() == null ? null : c.autoDowngrade().value(),
                c.actionList() == null ? null
                        : c.actionList().stream().map(LivenessAction::value).collect(Collectors.joining(",")),
                c.livenessRetryLimit() == null ? null : c.livenessRetryLimit().longValue(),
                c.livenessTimeout() == null ? null : c.livenessTimeout().longValue(),
                c.selectedWarningCodes() == null ? null : c.selectedWarningCodes().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")),
                c.allowExpiredDocument(), wire(c.version()));
        String members = jsonb.toJson(new Wire.ApplyRequest(request.redirectUrl(), request.extra().orElse(null),
                request.ruleId().orElse(null), config));
        if (request.compareImage().isEmpty()) {
            return new StreamedBody(members.getBytes(StandardCharsets.UTF_8), null, new byte[0]);
        }
        // {"RedirectURL":...} becomes {"RedirectURL":...,"CompareImageBase64":"<streamed>"}
        String head = members.substring(0, members.length() - 1) + "," + imageMember;
        return new StreamedBody(head.getBytes(StandardCharsets.UTF_8), request.compareImage().get(),
                "\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static String wire(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof IdCardType t) {
            return t.value();
        }
        if (value instanceof Language l) {
            return l.value();
        }
        return ((Edition) value).value();
    }

    /** The answer, or the exception the service's error or a broken answer calls for. */
    StartedVerification decode(int status, byte[] body, int length) {
        if (status != 200) {
            throw new FaceIdDecodingException("FaceID answered with an HTTP error status", status,
                    excerpt(body, length), null);
        }
        if (length == 0) {
            throw new FaceIdDecodingException("FaceID answered with an empty body", status, "", null);
        }
        Wire.ApplyEnvelope envelope;
        try {
            envelope = jsonb.fromJson(new ByteArrayInputStream(body, 0, length), Wire.ApplyEnvelope.class);
        } catch (JsonbException | ClassCastException | jakarta.json.JsonException e) {
            throw new FaceIdDecodingException("FaceID response is not valid JSON of the expected shape", status,
                    excerpt(body, length), null);
        }
        if (envelope == null || envelope.response() == null) {
            throw new FaceIdDecodingException("FaceID response has no Response object", status,
                    excerpt(body, length), null);
        }
        Wire.ApplyPayload p = envelope.response();
        if (p.error() != null) {
            throw FaceIdServiceException.from(p.error().code(), p.error().message(), p.requestId());
        }
        String url = p.verificationURL() != null ? p.verificationURL() : p.verificationUrl();
        if (p.bizToken() == null || p.bizToken().isBlank() || url == null || url.isBlank()) {
            throw new FaceIdDecodingException("FaceID answered without a BizToken or VerificationURL", status,
                    excerpt(body, length), null);
        }
        return new StartedVerification(p.bizToken(), url, p.requestId());
    }

    private static String excerpt(byte[] body, int length) {
        return Redaction.bodyExcerpt(body, length, ResponseDecoder.EXCERPT_CHARS);
    }
}
