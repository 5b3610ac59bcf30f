package io.github.faceid4j.emulator;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answers a test scripted: a sequence per BizToken for {@code GetWebVerificationResultIntl} (the last one
 * repeats; an unscripted token is answered by its prefix), and a queue for the next
 * {@code ApplyWebVerificationBizTokenIntl} calls (one each). Thread-safe.
 */
final class Scripts {

    private final ConcurrentHashMap<String, Sequence> byToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Scenario> apply = new ConcurrentLinkedQueue<>();

    /** Replaces an earlier script of the token. */
    void script(String bizToken, Scenario... sequence) {
        Objects.requireNonNull(bizToken, "bizToken");
        if (sequence == null || sequence.length == 0) {
            throw new IllegalArgumentException("At least one scenario is needed");
        }
        List<Scenario> list = List.of(sequence); // rejects null elements
        byToken.put(bizToken, new Sequence(list));
    }

    void scriptApply(Scenario... sequence) {
        if (sequence == null || sequence.length == 0) {
            throw new IllegalArgumentException("At least one scenario is needed");
        }
        apply.addAll(List.of(sequence));
    }

    /** Whether a test scripted this token (a script wins over a verification started with it). */
    boolean isScripted(String bizToken) {
        return byToken.containsKey(bizToken);
    }

    /** The token's next scripted answer, or the one its prefix picks ({@link Scenario#forToken(String)}). */
    Scenario next(String bizToken) {
        Sequence s = byToken.get(bizToken);
        return s == null ? Scenario.forToken(bizToken) : s.next();
    }

    /** The next scripted Apply answer, or null when none is left. */
    Scenario nextApply() {
        return apply.poll();
    }

    void reset() {
        byToken.clear();
        apply.clear();
    }

    private static final class Sequence {
        private final List<Scenario> sequence;
        private final AtomicInteger index = new AtomicInteger();

        Sequence(List<Scenario> sequence) {
            this.sequence = sequence;
        }

        Scenario next() {
            int last = sequence.size() - 1;
            return sequence.get(index.getAndUpdate(i -> Math.min(i + 1, last)));
        }
    }
}
