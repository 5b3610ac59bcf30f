package io.github.faceid4j.cli;

import io.github.faceid4j.client.internal.ResultJson;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.OcrWarning;
import io.github.faceid4j.model.VerificationDetail;
import io.github.faceid4j.model.VerificationOutcome;
import io.github.faceid4j.model.VerificationResult;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The human-readable summary of a result. Prints what it is given: mask the result first ({@link Masking}) unless
 * personal data is to be shown. Media are listed by size, or by the file {@code --out} wrote them to.
 */
final class Summary {

    private static final String INDENT = "  ";

    private final PrintWriter out;
    private final String indent;
    private final boolean cardFields;

    /**
     * @param indent     prefix of every line
     * @param cardFields whether to list each card's fields, or only which card types were read
     */
    Summary(PrintWriter out, String indent, boolean cardFields) {
        this.out = out;
        this.indent = indent;
        this.cardFields = cardFields;
    }

    /**
     * @param note a closing line, e.g. that personal data is masked; null for none
     */
    void print(String bizToken, VerificationResult r, Map<Media, Path> files, String note) {
        line("BizToken", Tokens.mask(bizToken));
        line("Outcome", r.outcome().map(Summary::code).orElse("- (no ErrorCode in the answer)"));
        line("Passed", r.passed() ? "yes" : "no" + (r.finished() || r.errorCode() == null ? ""
                : " (not finished: ask again later)"));
        if (r.errorMsg() != null) {
            line("ErrorMsg", r.errorMsg());
        }
        attempts(r.attempts());
        List<OcrResult> ocr = r.ocrResult() == null ? List.of() : r.ocrResult();
        for (int i = 0; i < ocr.size(); i++) {
            ocr(i + 1, ocr.get(i));
        }
        if (r.extra() != null) {
            line("Extra", r.extra());
        }
        line("RequestId", orDash(r.requestId()));
        media(MediaItem.of(r), files);
        if (note != null) {
            out.println(indent + note);
        }
        out.flush();
    }

    private void attempts(List<VerificationDetail> attempts) {
        // the customer's tries at liveness and comparison (VerificationDetailList), not HTTP requests: named so that
        // the two cannot be confused in one output ("after 3 HTTP requests" on errors)
        line("Tries", attempts.size() + " by the customer (VerificationDetailList)");
        for (int i = 0; i < attempts.size(); i++) {
            VerificationDetail d = attempts.get(i);
            if (d == null) {
                continue;
            }
            out.println(indent + INDENT + "#" + (i + 1) + " ErrorCode " + d.outcome().map(Summary::code).orElse("-"));
            out.println(indent + INDENT + "   liveness " + d.livenessOutcome().map(Summary::step).orElse("-")
                    + ", compare " + d.compareOutcome().map(Summary::step).orElse("-")
                    + ", similarity " + similarity(d)
                    + ", at " + (d.reqTimestamp() == null ? "-" : Instant.ofEpochMilli(d.reqTimestamp()).toString()));
        }
    }

    private void ocr(int index, OcrResult o) {
        if (o == null) {
            line("OCR #" + index, "-");
            return;
        }
        line("OCR #" + index, "passed " + (o.isPass() == null ? "- (not reported)" : o.passed() ? "yes" : "no"));
        sub("CardInfo", present(o.cardInfo()));
        if (o.normalCardInfo() != null) {
            sub("NormalCardInfo", present(o.normalCardInfo()));
        }
        List<OcrWarning> warnings = o.warnings();
        sub("Warnings", warnings.isEmpty() ? "none"
                : String.join(", ", warnings.stream().map(OcrWarning::toString).toList()));
        if (!cardFields) {
            return;
        }
        cards("", o.cardInfo());
        cards("NormalCardInfo.", o.normalCardInfo());
        if (o.originalCardInfo() != null) {
            sub("OriginalCardInfo", o.originalCardInfo());
        }
        if (o.requestId() != null) {
            sub("RequestId", o.requestId());
        }
    }

    private void media(List<MediaItem> items, Map<Media, Path> files) {
        if (items.isEmpty()) {
            line("Media", "none");
            return;
        }
        line("Media", items.size() + (files.isEmpty() ? " (base64 not shown; --out DIR saves them)" : " saved"));
        int width = items.stream().mapToInt(i -> i.label().length()).max().orElse(0);
        for (MediaItem item : items) {
            Path file = files.get(item.media());
            out.println(indent + INDENT + pad(item.label(), width) + "  " + item.media().size() + " bytes"
                    + (file == null ? "" : "  " + file));
        }
    }

    /** One line per card type present, listing its fields: {@code MLIDCard  Name=***, ID=***}. */
    private void cards(String prefix, Record cardInfo) {
        if (cardInfo == null) {
            return;
        }
        for (RecordComponent c : cardInfo.getClass().getRecordComponents()) {
            Object card = value(c, cardInfo);
            if (card instanceof Record r) {
                sub(prefix + ResultJson.apiName(c.getName()), fields(r));
            }
        }
    }

    private static String fields(Record record) {
        StringJoiner text = new StringJoiner(", ");
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v = value(c, record);
            if (v != null) {
                text.add(ResultJson.apiName(c.getName()) + "=" + (v instanceof Record nested ? "{" + fields(nested) + "}" : v));
            }
        }
        return text.length() == 0 ? "(no fields read)" : text.toString();
    }

    /** The API names of the non-null members of a CardInfo or NormalCardInfo. */
    static String present(Record cardInfo) {
        if (cardInfo == null) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent c : cardInfo.getClass().getRecordComponents()) {
            if (value(c, cardInfo) != null) {
                names.add(ResultJson.apiName(c.getName()));
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Object value(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static String code(VerificationOutcome o) {
        return o.code() + " (" + o.description() + ")";
    }

    /** Liveness and comparison codes: 0 is the step's success, not the whole verification's. */
    private static String step(VerificationOutcome o) {
        return o.code() == 0 ? "0 (passed)" : code(o);
    }

    private static String similarity(VerificationDetail d) {
        if (d.similarity() == null) {
            return "-";
        }
        return d.similarity() + (d.samePerson() ? " (same person)" : " (below " + VerificationDetail.SAME_PERSON_SIMILARITY
                + ")");
    }

    private void line(String name, String value) {
        out.println(indent + pad(name, 10) + "  " + value);
    }

    private void sub(String name, String value) {
        out.println(indent + INDENT + INDENT + pad(name, 14) + "  " + value);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
