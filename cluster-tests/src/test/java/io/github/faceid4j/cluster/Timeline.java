package io.github.faceid4j.cluster;

import io.github.faceid4j.emulator.RecordedRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time went around the busiest second at the emulator: each node's sends (the library's request log line,
 * written just before a request leaves, so after its token was taken), the emulator's arrivals, and this JVM's
 * stalls. It tells a limiter that hands out too many tokens (too many sends in a second) from requests that left
 * paced and arrived bunched (a stall between send and arrival).
 */
final class Timeline {

    /** One event on the timeline. */
    record Event(Instant at, String what) {
    }

    private static final Pattern PAYARA_MILLIS = Pattern.compile("\\[timeMillis: (\\d+)]");
    private static final DateTimeFormatter WILDFLY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final String ACTION = "GetWebVerificationResultIntl";

    private Timeline() {
    }

    /** The arrivals of the result action that the emulator accepted, in order. */
    static List<Event> arrivals(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> r.accepted() && ACTION.equals(r.header("X-TC-Action")))
                .map(r -> new Event(r.arrival(), "arrival " + r.bizToken()))
                .sorted(Comparator.comparing(Event::at)).toList();
    }

    /**
     * The library's "FaceID request:" lines of a server log, timed by the log: Payara's {@code [timeMillis: ...]}
     * header (the message follows on the next lines), WildFly's {@code yyyy-MM-dd HH:mm:ss,SSS} prefix.
     */
    static List<Event> sends(String node, Path log) throws IOException {
        List<Event> sends = new ArrayList<>();
        if (!Files.exists(log)) {
            return sends;
        }
        Instant last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher payara = PAYARA_MILLIS.matcher(line);
            if (payara.find()) {
                last = Instant.ofEpochMilli(Long.parseLong(payara.group(1)));
            } else if (line.length() > 23 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-') {
                try {
                    last = LocalDateTime.parse(line.substring(0, 23), WILDFLY_TIME).atZone(ZoneId.systemDefault())
                            .toInstant();
                } catch (RuntimeException e) {
                    // not a timed line
                }
            }
            if (last != null && line.contains("FaceID request:") && line.contains(ACTION)) {
                sends.add(new Event(last, "send by node " + node));
            }
        }
        return sends;
    }

    /** {@return the start of the (first) one-second window holding the most events, and how many} */
    static Map.Entry<Instant, Integer> busiestSecond(List<Event> sorted) {
        int max = 0;
        Instant at = null;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            Instant end = sorted.get(i).at().plusSeconds(1);
            j = Math.max(j, i);
            while (j < sorted.size() && sorted.get(j).at().isBefore(end)) {
                j++;
            }
            if (j - i > max) {
                max = j - i;
                at = sorted.get(i).at();
            }
        }
        return Map.entry(at == null ? Instant.EPOCH : at, max);
    }

    /**
     * The report: the busiest second of arrivals and of sends, this JVM's stalls during the run, and every event from
     * a second before the busiest second of arrivals to its end.
     */
    static String explain(List<Event> arrivals, List<Event> sends, List<Hiccups.Stall> stalls) {
        List<Event> sortedSends = sends.stream().sorted(Comparator.comparing(Event::at)).toList();
        Map.Entry<Instant, Integer> arrived = busiestSecond(arrivals);
        Map.Entry<Instant, Integer> sent = busiestSecond(sortedSends);
        long longest = stalls.stream().mapToLong(Hiccups.Stall::millis).max().orElse(0);
        StringBuilder text = new StringBuilder(String.format("max %d arrivals in a second (from %s); max %d sends in"
                        + " a second by the nodes' logs (from %s); %d stalls of the emulator's JVM over %d ms, longest"
                        + " %d ms%n", arrived.getValue(), arrived.getKey(), sent.getValue(), sent.getKey(),
                stalls.size(), Hiccups.THRESHOLD_MILLIS, longest));
        Instant from = arrived.getKey().minusSeconds(1);
        Instant to = arrived.getKey().plusSeconds(1);
        List<Event> around = new ArrayList<>();
        arrivals.stream().filter(e -> within(e.at(), from, to)).forEach(around::add);
        sortedSends.stream().filter(e -> within(e.at(), from, to)).forEach(around::add);
        stalls.stream().filter(s -> within(s.end(), from, to))
                .forEach(s -> around.add(new Event(s.end(), "emulator JVM resumed after a " + s.millis() + " ms stall")));
        around.sort(Comparator.comparing(Event::at));
        for (Event e : around) {
            text.append(String.format("  %+6d ms  %s%n", Duration.between(arrived.getKey(), e.at()).toMillis(),
                    e.what()));
        }
        return text.toString();
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
