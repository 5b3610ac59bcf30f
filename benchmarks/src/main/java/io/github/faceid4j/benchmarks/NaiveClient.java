package io.github.faceid4j.benchmarks;

import io.github.faceid4j.client.BenchAccess;
import io.github.faceid4j.client.Credentials;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.jsonb.JsonBindingFeature;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The design card's stack used naively, for comparison: the same Jersey client and signing, and Jersey's JSON-B
 * provider (Yasson) reading the answer straight into beans whose media are {@code String}s; the video is then
 * decoded from its String. This is what the library would cost without the media slicing.
 */
final class NaiveClient implements AutoCloseable {

    private static final MediaType JSON_UTF8 = MediaType.valueOf(BenchAccess.CONTENT_TYPE);

    private final Client client;
    private final WebTarget target;

    NaiveClient(URI endpoint, Credentials credentials) {
        this.client = BenchAccess.naiveJerseyClient(credentials, JsonBindingFeature.class);
        this.target = client.target(endpoint);
    }

    Envelope fetch(String bizToken) {
        // impl's signing filter signs the exact bytes, so the request goes as bytes (it is two dozen of them)
        byte[] request = ("{\"BizToken\":\"" + bizToken + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return target.request(MediaType.APPLICATION_JSON_TYPE)
                .header("X-TC-Action", BenchAccess.ACTION)
                .header("X-TC-Version", BenchAccess.VERSION)
                .header("X-TC-Region", "ap-singapore")
                .post(Entity.entity(request, JSON_UTF8), Envelope.class);
    }

    byte[] fetchAndDecodeVideo(String bizToken) {
        return Base64.getDecoder().decode(fetch(bizToken).Response.VideoBase64);
    }

    @Override
    public void close() {
        client.close();
    }

    // JSON-B beans named as the wire is: public fields, String media. What a first version would write.

    public static final class Envelope {
        public Payload Response;
    }

    public static final class Payload {
        public Map<String, String> Error;
        public Long ErrorCode;
        public String ErrorMsg;
        public List<Map<String, Object>> VerificationDetailList;
        public String VideoBase64;
        public String BestFrameBase64;
        public List<Ocr> OCRResult;
        public String Extra;
        public String RequestId;
    }

    public static final class Ocr {
        public Boolean IsPass;
        public String CardImageBase64;
        public Map<String, Object> CardInfo;
        public Map<String, Object> NormalCardInfo;
        public String RequestId;
        public String CardCutImageBase64;
        public String CardBackCutImageBase64;
        public List<Long> WarnCardInfos;
        public String OriginalCardInfo;
        public String HeadImageBase64;
        public String CardBackImageBase64;
    }
}
