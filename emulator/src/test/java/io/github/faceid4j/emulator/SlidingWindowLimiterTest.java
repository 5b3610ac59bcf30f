package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    static final long MS = 1_000_000L;

    @Test
    void allowsLimitPerSlidingSecond() {
        SlidingWindowLimiter l = new SlidingWindowLimiter(3);
        assertThat(l.tryAcquire(0)).isTrue();
        assertThat(l.tryAcquire(100 * MS)).isTrue();
        assertThat(l.tryAcquire(900 * MS)).isTrue();
        assertThat(l.tryAcquire(999 * MS)).isFalse();
        assertThat(l.tryAcquire(1000 * MS)).isTrue(); // the first one left the window
        assertThat(l.tryAcquire(1050 * MS)).isFalse();
        assertThat(l.tryAcquire(1100 * MS)).isTrue();
        l.reset();
        assertThat(l.tryAcquire(1101 * MS)).isTrue();
    }

    @Test
    void computesMaximumInAnyWindow() {
        assertThat(SlidingWindowLimiter.maxInAnyWindow(List.of())).isZero();
        assertThat(SlidingWindowLimiter.maxInAnyWindow(List.of(0L, 500 * MS, 999 * MS, 1000 * MS, 1998 * MS)))
                .isEqualTo(3);
        assertThat(SlidingWindowLimiter.maxInAnyWindow(List.of(0L, 1000 * MS, 2000 * MS))).isEqualTo(1);
    }
}
