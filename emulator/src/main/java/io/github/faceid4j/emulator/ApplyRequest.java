package io.github.faceid4j.emulator;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code ApplyWebVerificationBizTokenIntl}, read and checked as the current documents describe it
 * (names, types, enumerations, ranges, sizes), independently of the client library. What the flow needs is kept.
 */
record ApplyRequest(String redirectUrl, String extra, long checkMode, boolean autoSkip, boolean autoSkipStartPage,
                    String idCardType, String compareImageSha256, int livenessRetryLimit) {

    static final String ACTION = "ApplyWebVerificationBizTokenIntl";
    /** "The Base64-encoded string (max 8 MB in size)": the text, read as 8 MiB. */
    static final int MAX_COMPARE_IMAGE_CHARS = 8 * 1024 * 1024;
    static final int MAX_EXTRA = 1_000;

    private static final JsonReaderFactory JSON = JsonProvider.provider().createReaderFactory(Map.of());
    private static final Set<String> FIELDS = Set.of("RedirectURL", "CompareImageBase64", "Extra", "RuleId", "Config");
    private static final Set<String> ID_CARD_TYPES = Set.of("HKIDCard", "MLIDCard", "IndonesiaIDCard",
            "PhilippinesVoteID", "PhilippinesDrivingLicense", "PhilippinesTinID", "PhilippinesSSSID",
            "PhilippinesUMID", "InternationalIDPassport", "ThailandIDCard", "SingaporeIDCard", "MainlandIDCard");
    private static final Set<String> LANGUAGES = Set.of("th", "en", "zh-cn", "zh-tc", "id");
    private static final Set<String> ACTIONS = Set.of("blink", "mouth", "nod", "shake");

    /** Either a request or an API error. */
    record Parsed(ApplyRequest request, String code, String message) {
        boolean ok() {
            return code == null;
        }

        static Parsed error(String code, String message) {
            return new Parsed(null, code, message);
        }
    }

    /** Signals a field that breaks a rule; becomes the API error. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static Parsed read(String contentType, byte[] body) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Parsed.error(ErrorCodes.INVALID_PARAMETER,
                    "The request body must be JSON with Content-Type application/json.");
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Parsed.error(ErrorCodes.INVALID_PARAMETER, "The request body must be a JSON object.");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return Parsed.error(ErrorCodes.INVALID_PARAMETER, "The request body is not valid JSON.");
        }
        try {
            return new Parsed(parse(json), null, null);
        } catch (Refused r) {
            return Parsed.error(r.code, r.getMessage());
        }
    }

    private static ApplyRequest parse(JsonObject json) {
        for (String name : json.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new Refused(ErrorCodes.UNKNOWN_PARAMETER, "The parameter `" + printable(name)
                        + "` is not recognized.");
            }
        }
        String redirect = string(json, "RedirectURL");
        if (redirect == null) {
            throw new Refused(ErrorCodes.MISSING_PARAMETER, "The request is missing a required parameter `RedirectURL`.");
        }
        checkRedirect(redirect);
        String image = string(json, "CompareImageBase64");
        if (image != null) {
            if (image.length() > MAX_COMPARE_IMAGE_CHARS) {
                throw invalid("CompareImageBase64", "exceeds 8 MB");
            }
            if (image.isEmpty() || !isBase64(image)) {
                throw invalid("CompareImageBase64", "is not Base64 (remove any data URI header)");
            }
        }
        String extra = string(json, "Extra");
        if (extra != null && extra.codePointCount(0, extra.length()) > MAX_EXTRA) {
            throw invalid("Extra", "exceeds 1000 characters");
        }
        string(json, "RuleId");
        JsonValue configValue = json.get("Config");
        JsonObject config = JsonValue.EMPTY_JSON_OBJECT;
        if (configValue != null && configValue.getValueType() != JsonValue.ValueType.NULL) {
            if (configValue.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refused(ErrorCodes.INVALID_PARAMETER, "The parameter `Config` must be an object.");
            }
            config = configValue.asJsonObject();
        }
        return readConfig(config, redirect, extra, image == null ? null : sha256OfDecoded(image));
    }

    private static String sha256OfDecoded(String base64) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.util.Base64.getDecoder().decode(base64)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplyRequest readConfig(JsonObject c, String redirect, String extra, String image) {
        Set<String> known = Set.of("AutoSkipStartPage", "AutoSkip", "CheckMode", "IDCardType",
                "DisableCheckOcrWarnings", "SecurityLevel", "SkipPrivacyPolicy", "IdCardCutReturn", "ThemeColor",
                "Language", "AutoDowngrade", "ActionList", "LivenessRetryLimit", "LivenessTimeout",
                "SelectedWarningCodes", "AllowExpiredDocument", "Version");
        for (String name : c.keySet()) {
            if (!known.contains(name)) {
                throw new Refused(ErrorCodes.UNKNOWN_PARAMETER, "The parameter `Config." + printable(name)
                        + "` is not recognized.");
            }
        }
        for (String b : List.of("AutoSkipStartPage", "AutoSkip", "DisableCheckOcrWarnings", "SkipPrivacyPolicy",
                "IdCardCutReturn", "AllowExpiredDocument")) {
            bool(c, b);
        }
        long checkMode = range(c, "CheckMode", 1, 4, 2);
        range(c, "SecurityLevel", 1, 4, 3);
        range(c, "AutoDowngrade", 1, 2, 1);
        long retries = range(c, "LivenessRetryLimit", 1, 99, 3);
        range(c, "LivenessTimeout", 0, 600, 45);
        String type = oneOf(c, "IDCardType", ID_CARD_TYPES);
        oneOf(c, "Language", LANGUAGES);
        oneOf(c, "Version", Set.of("BASIC", "PLUS"));
        String actions = string(c, "Config.ActionList", c.get("ActionList"));
        if (actions != null) {
            List<String> list = Arrays.asList(actions.split(",", -1));
            if (list.isEmpty() || list.size() > 2 || !ACTIONS.containsAll(list) || new HashSet<>(list).size() != list.size()) {
                throw invalid("Config.ActionList", "must be one or two of blink, mouth, nod, shake");
            }
        }
        String color = string(c, "Config.ThemeColor", c.get("ThemeColor"));
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw invalid("Config.ThemeColor", "must be an RGB colour such as #2d72f1");
        }
        String codes = string(c, "Config.SelectedWarningCodes", c.get("SelectedWarningCodes"));
        if (codes != null && !codes.matches("-91\\d\\d(,-91\\d\\d)*")) {
            throw invalid("Config.SelectedWarningCodes", "must be codes such as -9101,-9102");
        }
        return new ApplyRequest(redirect, extra, checkMode, bool(c, "AutoSkip"), bool(c, "AutoSkipStartPage"), type,
                image, (int) retries);
    }

    private static void checkRedirect(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.isOpaque()) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw invalid("RedirectURL", "must be a URL with protocol, hostname and path");
    }

    private static Refused invalid(String field, String problem) {
        return new Refused(ErrorCodes.INVALID_PARAMETER_VALUE, "The value of `" + field + "` " + problem + ".");
    }

    private static String string(JsonObject o, String name) {
        return string(o, name, o.get(name));
    }

    private static String string(JsonObject o, String field, JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new Refused(ErrorCodes.INVALID_PARAMETER, "The parameter `" + field + "` must be a string.");
        }
        return ((JsonString) v).getString();
    }

    private static boolean bool(JsonObject c, String name) {
        JsonValue v = c.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE && v.getValueType() != JsonValue.ValueType.TRUE
                && v.getValueType() != JsonValue.ValueType.FALSE) {
            throw new Refused(ErrorCodes.INVALID_PARAMETER, "The parameter `Config." + name + "` must be a boolean.");
        }
        return v.getValueType() == JsonValue.ValueType.TRUE;
    }

    private static long range(JsonObject c, String name, long min, long max, long absent) {
        JsonValue v = c.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new Refused(ErrorCodes.INVALID_PARAMETER, "The parameter `Config." + name + "` must be an integer.");
        }
        long n;
        try {
            n = ((JsonNumber) v).longValueExact();
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        if (n < min || n > max) {
            throw invalid("Config." + name, "must be between " + min + " and " + max);
        }
        return n;
    }

    private static String oneOf(JsonObject c, String name, Set<String> allowed) {
        String s = string(c, "Config." + name, c.get(name));
        if (s != null && !allowed.contains(s)) {
            throw invalid("Config." + name, "is not one of the documented values");
        }
        return s;
    }

    /** Standard alphabet, padded, nothing else: what the service decodes. */
    static boolean isBase64(String s) {
        int n = s.length();
        if (n % 4 != 0) {
            return false;
        }
        int pad = n > 0 && s.charAt(n - 1) == '=' ? (s.charAt(n - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - pad; i++) {
            char ch = s.charAt(i);
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+'
                    || ch == '/')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 64 ? t.substring(0, 64) + "..." : t;
    }

    /** Whether the customer's document is read: check modes 1 and 4. */
    boolean ocr() {
        return checkMode == 1 || checkMode == 4;
    }

    /** Whether liveness runs: every mode but 4. */
    boolean liveness() {
        return checkMode != 4;
    }

    /** Whether the face is compared: modes 1 (with the document's photo) and 2 (with the compare image). */
    boolean compare() {
        return checkMode == 1 || checkMode == 2;
    }

    /** Never prints Extra or the redirect URL's path. */
    @Override
    public String toString() {
        return "ApplyRequest[checkMode=" + checkMode + ", autoSkip=" + autoSkip + "]";
    }
}
