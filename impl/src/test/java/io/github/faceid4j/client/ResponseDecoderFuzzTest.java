package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.ListArbitrary;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generated and mutated bodies: the decoder only ever returns a result or throws one of its documented
 * exceptions. Cases per property: {@code fuzz.tries} (a few thousand per build; {@code -Pfuzz} runs 300,000).
 */
class ResponseDecoderFuzzTest {

    static final List<String> SEEDS = List.of(
            "{\"Response\":{\"ErrorCode\":0,\"ErrorMsg\":\"abc\",\"VerificationDetailList\":[{\"ErrorCode\":0,\"ErrorMsg\":\"abc\","
                    + "\"LivenessErrorCode\":0,\"LivenessErrorMsg\":\"abc\",\"CompareErrorCode\":0,\"CompareErrorMsg\":\"abc\","
                    + "\"ReqTimestamp\":1,\"Similarity\":0,\"Seq\":\"abc\",\"LivenessInfoTag\":[\"a\"]}],\"VideoBase64\":\"aGVsbG8=\","
                    + "\"BestFrameBase64\":\"AAEC\",\"OCRResult\":[{\"IsPass\":true,\"CardImageBase64\":\"AAEC\",\"CardInfo\":{"
                    + "\"HKIDCard\":{\"CnName\":\"abc\",\"IdNum\":\"abc\"},\"MLIDCard\":{\"Name\":\"abc\",\"ID\":\"abc\"},"
                    + "\"GeneralCard\":{\"Address\":{\"City\":\"c\"}}},\"NormalCardInfo\":{\"HMTPermitCard\":{\"Number\":\"n\"}},"
                    + "\"WarnCardInfos\":[9101,9102],\"RequestId\":\"abc\"}],\"Extra\":\"x\",\"RequestId\":\"abc\"}}",
            "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.BizTokenExpired\",\"Message\":\"m\"},\"RequestId\":\"r\"}}",
            "{\"Response\":{\"ErrorCode\":null,\"VerificationDetailList\":null,\"OCRResult\":[null],\"RequestId\":\"r\"}}",
            "{\"Response\":{\"ErrorCode\":17,\"ErrorMsg\":\"\\u672a\\u5b8c\\u6210\",\"RequestId\":\"r\"}}");

    final ResponseDecoder decoder = new ResponseDecoder();

    @Property
    void mutatedBodiesGiveAResultOrADocumentedException(@ForAll("mutatedBodies") byte[] body) {
        Statistics.collect(decodeAndTouch(body));
        // positive control: some mutations leave a valid document (about 8 %); a decoder rejecting everything fails
        Statistics.coverage(checker -> checker.check(DECODED).percentage(p -> p >= 3));
    }

    @Property
    void arbitraryJsonGivesAResultOrADocumentedException(@ForAll("jsonBodies") String json) {
        Statistics.collect(decodeAndTouch(json.getBytes(StandardCharsets.UTF_8)));
        Statistics.coverage(checker -> checker.check(DECODED).percentage(p -> p >= 10));
    }

    static final String DECODED = "decoded";
    static final String REJECTED = "rejected (documented exception)";

    /**
     * A body spilled to a file ({@link ResponseBody.Spilled}: appended in 64 KiB chunks and classified block by block
     * as {@code Transport} does, then read through a mapping in 64 KiB windows) decodes to exactly what the same body
     * in memory does, or fails the same way. Half the bodies carry media far larger than a window, so mutations land
     * on window and block boundaries.
     */
    @Property
    void spilledBodiesDecodeExactlyAsInMemory(@ForAll("smallAndLargeMutatedBodies") byte[] body) throws Exception {
        String inMemory = outcome(() -> decoder.decode(200, body, body.length));
        String spilled = outcome(() -> {
            PlainBlocks plain = new PlainBlocks();
            ResponseBody.Spilled file = ResponseBody.Spilled.create(SPILL_DIRECTORY);
            int chunk = 64 * 1024;
            int base = 0;
            for (; body.length - base > chunk; base += chunk) {
                byte[] part = java.util.Arrays.copyOfRange(body, base, base + chunk);
                plain.received(part, base, base + chunk);
                file.append(part, chunk);
            }
            byte[] last = java.util.Arrays.copyOfRange(body, base, body.length);
            plain.finished(last, base, body.length);
            file.append(last, last.length);
            file.complete();
            return decoder.decode(200, file, plain);
        });
        org.assertj.core.api.Assertions.assertThat(spilled).isEqualTo(inMemory);
    }

    @Provide
    Arbitrary<byte[]> smallAndLargeMutatedBodies() {
        String video = java.util.Base64.getEncoder().encodeToString(new byte[150_000]).replace('A', 'Q');
        String frame = java.util.Base64.getEncoder().encodeToString(new byte[40_000]).replace('A', 'w');
        byte[] large = SEEDS.get(0).replace("aGVsbG8=", video).replace("\"BestFrameBase64\":\"AAEC\"",
                "\"BestFrameBase64\":\"" + frame + "\"").getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(mutatedBodies(), mutated(Arbitraries.just(large)));
    }

    private static final java.nio.file.Path SPILL_DIRECTORY = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));

    private interface Decode {
        VerificationResult run() throws Exception;
    }

    /** What a decode gave, as text: the result with every media's bytes, or the exception's type and message. */
    private static String outcome(Decode decode) throws Exception {
        VerificationResult result;
        try {
            result = decode.run();
        } catch (FaceIdDecodingException | FaceIdServiceException documented) {
            return documented.getClass().getSimpleName() + ": " + documented.getMessage();
        }
        StringBuilder text = new StringBuilder(result.toString());
        text.append(media(result.videoBase64())).append(media(result.bestFrameBase64()));
        if (result.ocrResult() != null) {
            for (OcrResult ocr : result.ocrResult()) {
                if (ocr != null) {
                    text.append(media(ocr.cardImageBase64()));
                }
            }
        }
        return text.toString();
    }

    private static String media(Media media) {
        if (media == null) {
            return " null";
        }
        try {
            return " " + media.toBase64() + "/" + media.size() + "/" + java.util.Arrays.toString(media.toByteArray());
        } catch (Media.MediaDecodingException documented) {
            return " " + media.toBase64() + "/" + media.size() + "/invalid";
        }
    }

    /** Decodes, and uses the result as a caller would; says whether it decoded or was rejected. */
    private String decodeAndTouch(byte[] body) {
        VerificationResult result;
        try {
            result = decoder.decode(200, body, body.length);
        } catch (FaceIdDecodingException | FaceIdServiceException documented) {
            documented.getMessage();
            return REJECTED;
        }
        // what a caller does next must not blow up either
        result.toString();
        result.passed();
        result.outcome();
        touch(result.videoBase64());
        touch(result.bestFrameBase64());
        if (result.ocrResult() != null) {
            for (OcrResult ocr : result.ocrResult()) {
                if (ocr != null) {
                    ocr.warnings();
                    touch(ocr.cardImageBase64());
                }
            }
        }
        return DECODED;
    }

    private static void touch(Media media) {
        if (media == null) {
            return;
        }
        media.size();
        try {
            media.toByteArray();
        } catch (Media.MediaDecodingException documented) {
            // invalid base64 is reported this way, and only when decoded
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedBodies() {
        return mutated(Arbitraries.of(SEEDS).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<byte[]> mutated(Arbitrary<byte[]> seed) {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(MutationKind.values()),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 16),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)).as(Mutation::new);
        ListArbitrary<Mutation> mutations = mutation.list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(seed, mutations).as((bytes, list) -> {
            byte[] out = bytes;
            for (Mutation m : list) {
                out = m.apply(out);
            }
            return out;
        });
    }

    enum MutationKind { FLIP, TRUNCATE, INSERT, DELETE, DUPLICATE, SWAP_TOKEN }

    record Mutation(MutationKind kind, double where, int length, byte[] noise) {
        private static final String[] TOKENS = {"null", "true", "1e999", "-1", "\"x\"", "[]", "{}", "[[[[", "\"\\ud800\"",
                "9223372036854775808", "0.5", "\"\\u0000\""};

        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return noise;
            }
            int at = (int) (where * (in.length - 1));
            switch (kind) {
                case FLIP -> {
                    byte[] out = in.clone();
                    out[at] = noise[0];
                    return out;
                }
                case TRUNCATE -> {
                    return java.util.Arrays.copyOf(in, at);
                }
                case INSERT -> {
                    return splice(in, at, 0, noise);
                }
                case DELETE -> {
                    return splice(in, at, Math.min(length, in.length - at), new byte[0]);
                }
                case DUPLICATE -> {
                    int n = Math.min(length * 8, in.length - at);
                    return splice(in, at, 0, java.util.Arrays.copyOfRange(in, at, at + n));
                }
                default -> {
                    // replace the value after a colon with a token of another JSON type
                    String text = new String(in, StandardCharsets.ISO_8859_1);
                    int colon = text.indexOf(':', at);
                    if (colon < 0) {
                        return in;
                    }
                    int end = colon + 1;
                    while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    String token = TOKENS[Math.abs(noise[0]) % TOKENS.length];
                    return (text.substring(0, colon + 1) + token + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
                }
            }
        }

        private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
            byte[] out = new byte[in.length - remove + insert.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
            return out;
        }
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        Arbitrary<String> names = Arbitraries.of("ErrorCode", "ErrorMsg", "VerificationDetailList", "VideoBase64",
                "BestFrameBase64", "OCRResult", "Extra", "RequestId", "Error", "Code", "Message", "CardInfo", "IsPass",
                "Similarity", "WarnCardInfos", "MLIDCard", "Name", "GeneralCard", "Address", "LivenessInfoTag", "Other");
        Arbitrary<String> value = Arbitraries.lazyOf(
                () -> Arbitraries.of("null", "true", "false", "0", "-7", "3.25", "1e400", "\"\"", "\"aGk=\"", "\"\\u00e9\""),
                () -> Arbitraries.strings().ofMaxLength(12).map(ResponseDecoderFuzzTest::quote),
                () -> jsonValue(names).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                () -> Combinators.combine(names, jsonValue(names)).as((n, v) -> quote(n) + ":" + v)
                        .list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}"));
        return Combinators.combine(names, value).as((n, v) -> quote(n) + ":" + v).list().ofMaxSize(6)
                .map(members -> "{\"Response\":{" + String.join(",", members) + "}}");
    }

    private Arbitrary<String> jsonValue(Arbitrary<String> names) {
        return Arbitraries.lazyOf(
                () -> Arbitraries.of("null", "1", "\"s\"", "true", "[]", "{}", "2.5"),
                () -> Combinators.combine(names, Arbitraries.of("null", "1", "\"s\"", "[1]", "{}"))
                        .as((n, v) -> "{" + quote(n) + ":" + v + "}"));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
