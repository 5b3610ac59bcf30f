package io.github.faceid4j.client;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One gauge per meter and action, summing the limiters of the services of that action (several named CDI
 * clients): separate gauges with the same attributes would report clashing points. Closed with the last service.
 * Used by {@link OpenTelemetryCalls}, and like it loaded only when the API is present.
 */
final class PermitsGauge {
    private static final Map<List<Object>, PermitsGauge> GAUGES = new HashMap<>();

    private final List<Object> key;
    /** One entry per service; a limiter shared by services is listed for each, and counted once. */
    private final List<SlidingWindowRateLimiter> limiters = new CopyOnWriteArrayList<>();
    private ObservableLongGauge gauge;

    private PermitsGauge(List<Object> key) {
        this.key = key;
    }

    static PermitsGauge observe(Meter meter, Attributes attributes, SlidingWindowRateLimiter limiter) {
        synchronized (GAUGES) {
            PermitsGauge shared = GAUGES.computeIfAbsent(List.of(meter, attributes), PermitsGauge::new);
            shared.limiters.add(limiter);
            if (shared.gauge == null) {
                shared.gauge = meter.gaugeBuilder("faceid.client.rate_limit.permits_in_use").ofLongs()
                        .setUnit("{permit}").setDescription("Permits of the rate limits' windows in use")
                        .buildWithCallback(g -> g.record(shared.limiters.stream().distinct()
                                .mapToLong(SlidingWindowRateLimiter::permitsInUse).sum(), attributes));
            }
            return shared;
        }
    }

    void forget(SlidingWindowRateLimiter limiter) {
        synchronized (GAUGES) {
            limiters.remove(limiter);
            if (limiters.isEmpty() && gauge != null) {
                gauge.close();
                gauge = null;
                GAUGES.remove(key);
            }
        }
    }
}
