package io.github.faceid4j.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A tiny streaming JSON writer, independent of any JSON library the client uses.
 *
 * <p>It tracks only "is this the first member of the current container", which is all that is needed to place
 * commas; field names are passed exactly as the API spells them. Large base64 strings are spliced in as
 * {@link ResponseBody.Part}s, which need no escaping (the base64 alphabet is JSON-safe).
 */
final class JsonWriter {

    private final ResponseBody.Builder out;
    private final Deque<boolean[]> first = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(ResponseBody.Builder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.write('{');
        first.push(new boolean[] {true});
        return this;
    }

    JsonWriter endObject() {
        first.pop();
        out.write('}');
        return this;
    }

    JsonWriter beginArray() {
        beforeValue();
        out.write('[');
        first.push(new boolean[] {true});
        return this;
    }

    JsonWriter endArray() {
        first.pop();
        out.write(']');
        return this;
    }

    JsonWriter name(String name) {
        comma();
        writeString(name);
        out.write(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        writeString(s);
        return this;
    }

    JsonWriter value(long n) {
        beforeValue();
        out.write(Long.toString(n));
        return this;
    }

    JsonWriter value(Long n) {
        return n == null ? nullValue() : value(n.longValue());
    }

    JsonWriter value(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return nullValue(); // JSON has no NaN/Infinity
        }
        beforeValue();
        out.write(Double.toString(d));
        return this;
    }

    JsonWriter value(boolean b) {
        beforeValue();
        out.write(b ? "true" : "false");
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.write("null");
        return this;
    }

    /** A string value whose characters are supplied by {@code part}; the caller guarantees they need no escaping. */
    JsonWriter safeStringValue(ResponseBody.Part part) {
        beforeValue();
        out.write('"');
        out.part(part);
        out.write('"');
        return this;
    }

    // Convenience for the many "name": value pairs of the result.
    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, Long value) {
        return name(name).value(value);
    }

    JsonWriter stringArray(String name, List<String> values) {
        name(name);
        if (values == null) {
            return nullValue();
        }
        beginArray();
        values.forEach(this::value);
        return endArray();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else {
            comma(); // array element or top-level value
        }
    }

    private void comma() {
        boolean[] f = first.peek();
        if (f == null) {
            return;
        }
        if (f[0]) {
            f[0] = false;
        } else {
            out.write(',');
        }
    }

    private void writeString(String s) {
        out.write('"');
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/2029 too, so the output is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        out.write(sb.toString()); // UTF-8; surrogate pairs stay together because the whole string is encoded at once
        out.write('"');
    }
}
