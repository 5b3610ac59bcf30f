package io.github.faceid4j.emulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only client: signs with its own small TC3 implementation (written separately from the emulator's
 * verifier, straight from the published steps) and lets each test bend one thing about the request.
 */
final class TestClient {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance against the HTTP/1.1 server
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final FaceIdEmulator emulator;

    TestClient(FaceIdEmulator emulator) {
        this.emulator = emulator;
    }

    /** One request; every field has a correct default, tests change one at a time. */
    final class Call {
        String method = "POST";
        String path = "/";
        String action = "GetWebVerificationResultIntl";
        String version = "2018-03-01";
        String region = "ap-singapore";
        Long timestamp;
        /** Sent as X-TC-Timestamp instead of the signed timestamp when set; "" omits the header. */
        String timestampHeader;
        String secretId = emulator.secretId();
        String secretKey = emulator.secretKey();
        String service = "faceid";
        String scopeDate;
        String signedHeaders = "content-type;host";
        String contentType = "application/json; charset=utf-8";
        String body;
        String token = emulator.sessionToken().orElse(null);
        String authorization; // overrides the computed one when set
        boolean omitAuthorization;
        boolean tamperAfterSigning;
        final Map<String, String> headers = new LinkedHashMap<>();

        Call(String bizToken) {
            this.body = bizToken == null ? "{}" : "{\"BizToken\":\"" + bizToken + "\"}";
        }

        HttpRequest build() {
            long ts = timestamp != null ? timestamp : Instant.now().getEpochSecond();
            String date = scopeDate != null ? scopeDate
                    : DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(ts));
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String host = "127.0.0.1:" + emulator.port();
            StringBuilder canonicalHeaders = new StringBuilder();
            for (String h : signedHeaders.split(";")) {
                String v = switch (h) {
                    case "content-type" -> contentType;
                    case "host" -> host;
                    case "x-tc-action" -> action.toLowerCase(Locale.ROOT);
                    default -> headers.get(h);
                };
                canonicalHeaders.append(h).append(':').append(v).append('\n');
            }
            String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + sha256(payload);
            String stringToSign = "TC3-HMAC-SHA256\n" + ts + "\n" + date + "/" + service + "/tc3_request\n"
                    + sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            byte[] k = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            k = hmac(k, service);
            k = hmac(k, "tc3_request");
            String signature = HexFormat.of().formatHex(hmac(k, stringToSign));
            String auth = authorization != null ? authorization
                    : "TC3-HMAC-SHA256 Credential=" + secretId + "/" + date + "/" + service + "/tc3_request, "
                    + "SignedHeaders=" + signedHeaders + ", Signature=" + signature;
            if (tamperAfterSigning) {
                payload = body.replace("}", " }").getBytes(StandardCharsets.UTF_8);
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
            if (contentType != null) {
                rb.header("Content-Type", contentType);
            }
            if (action != null) {
                rb.header("X-TC-Action", action);
            }
            if (version != null) {
                rb.header("X-TC-Version", version);
            }
            if (region != null) {
                rb.header("X-TC-Region", region);
            }
            if (timestampHeader == null) {
                rb.header("X-TC-Timestamp", Long.toString(ts));
            } else if (!timestampHeader.isEmpty()) {
                rb.header("X-TC-Timestamp", timestampHeader);
            }
            if (token != null) {
                rb.header("X-TC-Token", token);
            }
            if (!omitAuthorization) {
                rb.header("Authorization", auth);
            }
            headers.forEach(rb::header);
            return rb.build();
        }

        HttpResponse<byte[]> send() throws IOException, InterruptedException {
            return HTTP.send(build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        CompletableFuture<HttpResponse<byte[]>> sendAsync() {
            return HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** Sends and parses {@code Response}. */
        JsonObject response() throws IOException, InterruptedException {
            HttpResponse<byte[]> r = send();
            if (r.statusCode() != 200) {
                throw new AssertionError("HTTP " + r.statusCode());
            }
            return json(r.body()).getJsonObject("Response");
        }

        /** Sends and returns {@code Response.Error.Code}, or null for a result. */
        String errorCode() throws IOException, InterruptedException {
            JsonObject r = response();
            return r.containsKey("Error") ? r.getJsonObject("Error").getString("Code") : null;
        }
    }

    Call call(String bizToken) {
        return new Call(bizToken);
    }

    static JsonObject json(byte[] body) {
        return Json.createReader(new ByteArrayInputStream(body)).readObject();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String msg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(msg.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
