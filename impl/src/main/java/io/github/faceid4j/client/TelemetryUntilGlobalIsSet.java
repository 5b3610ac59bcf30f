package io.github.faceid4j.client;

import io.opentelemetry.api.GlobalOpenTelemetry;

import java.util.function.Supplier;

/**
 * The telemetry of a service built without an OpenTelemetry of the application's while {@code GlobalOpenTelemetry}
 * is not set: records nothing until it is, then what it says (checked as each call starts). Made by
 * {@link OpenTelemetryCalls#of}, and like it loaded only when the API is present.
 */
final class TelemetryUntilGlobalIsSet implements CallTelemetry {
    private final Supplier<CallTelemetry> create;
    private volatile CallTelemetry delegate;
    private boolean closed;

    TelemetryUntilGlobalIsSet(Supplier<CallTelemetry> create) {
        this.create = create;
    }

    @Override
    public Call start(String maskedBizToken) {
        CallTelemetry telemetry = delegate;
        if (telemetry == null) {
            if (!GlobalOpenTelemetry.isSet()) {
                return Call.NONE;
            }
            telemetry = created();
        }
        return telemetry.start(maskedBizToken);
    }

    private synchronized CallTelemetry created() {
        if (delegate == null) {
            delegate = closed ? NONE : create.get();
        }
        return delegate;
    }

    @Override
    public void spilled(long bytes) {
        CallTelemetry telemetry = delegate;
        if (telemetry == null && GlobalOpenTelemetry.isSet()) {
            telemetry = created();
        }
        if (telemetry != null) {
            telemetry.spilled(bytes);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (delegate != null) {
            delegate.close();
        }
    }
}
