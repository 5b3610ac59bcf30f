package io.github.faceid4j.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time of the web flow: the emulator's clock plus however far tests have moved it forward
 * ({@link FaceIdEmulator#advanceClock(Duration)}), so that a 10-minute BizToken lifetime or a 3-day result lifetime
 * can be tested without waiting. Only the flow reads it; the signature check keeps the emulator's own clock, so a
 * client signing with real time is still accepted after the flow's time has been advanced by days.
 */
final class FlowClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis;

    FlowClock(Clock base) {
        this(base, new AtomicLong());
    }

    private FlowClock(Clock base, AtomicLong offsetMillis) {
        this.base = base;
        this.offsetMillis = offsetMillis;
    }

    void advance(Duration by) {
        if (by == null || by.isNegative()) {
            throw new IllegalArgumentException("the flow's clock only moves forward: " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    void reset() {
        offsetMillis.set(0);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FlowClock(base.withZone(zone), offsetMillis);
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }
}
