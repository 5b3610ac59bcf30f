package io.github.faceid4j.model;

import io.github.faceid4j.model.card.CardInfo;
import io.github.faceid4j.model.card.NormalCardInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record of the model, found by reflection so that a type added later is covered without a change here:
 * {@code toString()} shows none of the personal text put into it, while the accessors return all of it.
 */
class ToStringPrivacyTest {

    /** Every record type of {@code io.github.faceid4j.model.card}, read from the compiled classes. */
    static List<Class<?>> cardRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = CardInfo.class.getPackageName();
        URL self = CardInfo.class.getResource(CardInfo.class.getSimpleName() + ".class");
        List<String> names = new ArrayList<>();
        if ("file".equals(self.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(self.toURI()).getParent())) {
                files.map(p -> p.getFileName().toString()).forEach(names::add);
            }
        } else { // jar:file:...!/io/github/...
            String jar = self.getPath().substring("file:".length(), self.getPath().indexOf('!'));
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Path.of(jar)))) {
                String dir = pkg.replace('.', '/') + "/";
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().startsWith(dir) && e.getName().indexOf('/', dir.length()) < 0) {
                        names.add(e.getName().substring(dir.length()));
                    }
                }
            }
        }
        List<Class<?>> records = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        return records;
    }

    @Test
    void findsTheWholeCardPackage() throws Exception {
        assertThat(cardRecords()).hasSizeGreaterThanOrEqualTo(30).contains(CardInfo.class, NormalCardInfo.class,
                io.github.faceid4j.model.card.Address.class, io.github.faceid4j.model.card.MainlandIDCard.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardRecords")
    void cardRecordToStringShowsNoValue(Class<?> type) throws Exception {
        List<String> planted = new ArrayList<>();
        Object record = build(type, planted);
        assertThat(planted).as("values planted in " + type.getSimpleName()).isNotEmpty();
        String text = record.toString();
        for (String value : planted) {
            assertThat(text).as(type.getSimpleName() + ".toString()").doesNotContain(value);
        }
        assertThat(text).startsWith(type.getSimpleName() + "[");
        // the accessors still give the real values
        List<String> read = new ArrayList<>();
        collectStrings(record, read);
        assertThat(read).containsExactlyInAnyOrderElementsOf(planted);
    }

    @Test
    void ocrResultMasksOriginalCardInfoAndCardsAndShowsMediaBySize() throws Exception {
        List<String> planted = new ArrayList<>();
        CardInfo cardInfo = (CardInfo) build(CardInfo.class, planted);
        NormalCardInfo normal = (NormalCardInfo) build(NormalCardInfo.class, planted);
        String original = "{\"Name\":\"ORIGINAL-CARD-INFO-NAME-7731\",\"IdNum\":\"ORIGINAL-ID-5521\"}";
        Media image = Media.ofBytes("CARD-IMAGE-BYTES-THAT-MUST-NOT-SHOW-0001".getBytes());
        OcrResult ocr = new OcrResult(true, image, cardInfo, normal, "ocr-request-id", image, image, List.of(9102L),
                original, image, image);

        String text = ocr.toString();
        for (String value : planted) {
            assertThat(text).doesNotContain(value);
        }
        assertThat(text).doesNotContain("ORIGINAL-CARD-INFO-NAME-7731").doesNotContain("ORIGINAL-ID-5521")
                .doesNotContain(image.toBase64()).contains("originalCardInfo=***")
                .contains("Media[" + image.size() + " bytes]").contains("ocr-request-id");
        assertThat(ocr.originalCardInfo()).isEqualTo(original);
        assertThat(ocr.cardInfo()).isSameAs(cardInfo);
        assertThat(ocr.cardImageBase64().toBase64()).isEqualTo(image.toBase64());
    }

    @Test
    void verificationResultMasksExtraAndEverythingNested() throws Exception {
        List<String> planted = new ArrayList<>();
        CardInfo cardInfo = (CardInfo) build(CardInfo.class, planted);
        Media video = Media.ofBytes(new byte[300]);
        OcrResult ocr = new OcrResult(true, null, cardInfo, null, "r1", null, null, null,
                "ORIGINAL-TEXT-9911", null, null);
        String extra = "EXTRA-PASS-THROUGH-customer-4411";
        VerificationResult result = new VerificationResult(0L, "Success",
                List.of(new VerificationDetail(0L, "ok", 0L, "ok", 0L, "ok", 1L, 99f, "seq-1", List.of())),
                video, video, List.of(ocr), extra, "request-id-1");

        String text = result.toString();
        for (String value : planted) {
            assertThat(text).doesNotContain(value);
        }
        assertThat(text).doesNotContain(extra).doesNotContain("ORIGINAL-TEXT-9911")
                .doesNotContain(video.toBase64()).contains("extra=***").contains("Media[300 bytes]")
                .contains("request-id-1");
        assertThat(result.extra()).isEqualTo(extra);
        assertThat(result.ocrResult().get(0).originalCardInfo()).isEqualTo("ORIGINAL-TEXT-9911");
    }

    @Test
    void mediaShowsOnlyItsSize() {
        byte[] bytes = "a face and an identity document, in bytes".getBytes();
        Media media = Media.ofBytes(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        assertThat(media.toString()).isEqualTo("Media[" + bytes.length + " bytes]").doesNotContain(base64);
        assertThat(Media.ofBase64(base64).toString()).isEqualTo("Media[" + bytes.length + " bytes]");
        assertThat(media.toBase64()).isEqualTo(base64);
        assertThat(media.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void nullFieldsAreLeftOutAndPresentOnesNamed() {
        var card = new io.github.faceid4j.model.card.MainlandIDCard("NAME-1", null, null, null, null, "LIC-2",
                null, null, null);
        assertThat(card.toString()).isEqualTo("MainlandIDCard[fullName=***, licenseNumber=***]");
    }

    /** A record with a distinctive text in every String (and every String list), nested records built too. */
    private static Object build(Class<?> type, List<String> planted) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            values[i] = value(type, c, planted);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    private static final Map<Class<?>, Object> SIMPLE = Map.of(Long.class, 7L, Boolean.class, true,
            Float.class, 1.5f, Integer.class, 3, Double.class, 2.5d);

    private static Object value(Class<?> owner, RecordComponent c, List<String> planted) throws Exception {
        Class<?> t = c.getType();
        if (t == String.class) {
            String v = "PII-" + owner.getSimpleName() + "-" + c.getName() + "-" + planted.size() + "-Zq";
            planted.add(v);
            return v;
        }
        if (t.isRecord() && t.getPackageName().equals(CardInfo.class.getPackageName())) {
            return build(t, planted);
        }
        if (t == List.class && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            String v = "PII-" + owner.getSimpleName() + "-" + c.getName() + "-item-" + planted.size() + "-Zq";
            planted.add(v);
            return List.of(v);
        }
        if (SIMPLE.containsKey(t)) {
            return SIMPLE.get(t);
        }
        throw new AssertionError("no sample value for " + owner.getSimpleName() + "." + c.getName() + " of type " + t
                + ": teach this test about it (and make sure toString masks it)");
    }

    /** Every String reachable through the record's accessors. */
    private static void collectStrings(Object value, List<String> out) throws Exception {
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                collectStrings(o, out);
            }
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                collectStrings(c.getAccessor().invoke(r), out);
            }
        }
    }
}
