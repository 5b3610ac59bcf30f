package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesAndNestsCorrectly() throws Exception {
        String tricky = "quote\" backslash\\ newline\n tab\t ctrl\u0001 sep\u2028 unicode测试 emoji\uD83D\uDE00 /";
        ResponseBody.Builder b = new ResponseBody.Builder();
        new JsonWriter(b).beginObject()
                .field("s", tricky)
                .field("nullString", (String) null)
                .field("n", 5L)
                .name("d").value(92.5)
                .name("nan").value(Double.NaN)
                .name("t").value(true)
                .stringArray("arr", List.of("a", "b"))
                .name("empty").beginArray().endArray()
                .name("objs").beginArray().beginObject().field("x", 1L).endObject().beginObject().endObject().endArray()
                .name("big").safeStringValue(ResponseBody.bytesPart("QUJD".getBytes(StandardCharsets.US_ASCII)))
                .endObject();
        ResponseBody body = b.build();
        byte[] bytes = body.toByteArray();
        assertThat(body.length()).isEqualTo(bytes.length);

        JsonObject o = TestClient.json(bytes);
        assertThat(o.getString("s")).isEqualTo(tricky);
        assertThat(o.isNull("nullString")).isTrue();
        assertThat(o.getJsonNumber("n").longValue()).isEqualTo(5);
        assertThat(o.getJsonNumber("d").doubleValue()).isEqualTo(92.5);
        assertThat(o.isNull("nan")).isTrue();
        assertThat(o.getBoolean("t")).isTrue();
        assertThat(o.getJsonArray("arr").getString(1)).isEqualTo("b");
        assertThat(o.getJsonArray("empty")).isEmpty();
        assertThat(o.getJsonArray("objs").getJsonObject(0).getInt("x")).isEqualTo(1);
        assertThat(o.getString("big")).isEqualTo("QUJD");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\\u0001", "\\u2028");
    }

    @Test
    void writesPrefix() throws Exception {
        ResponseBody body = ResponseBody.of("0123456789");
        var out = new java.io.ByteArrayOutputStream();
        body.writePrefixTo(out, 4);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0123");
    }
}
