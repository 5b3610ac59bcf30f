package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import java.net.URI;

/**
 * What the call machinery tells telemetry: one {@link Call} per call, started on the caller's thread (so a span is
 * the child of the application's current one), told of permit waits and retries, ended once with the outcome.
 *
 * <p>Why an interface of our own: OpenTelemetry is an optional dependency. Only {@link OpenTelemetryCalls} (and the
 * two classes only it uses) refers to its classes, and it is loaded only when the API is on the classpath (checked
 * once, when a service is built); without it every call gets {@link #NONE}'s no-op, and nothing of OpenTelemetry is
 * ever loaded.
 */
interface CallTelemetry {

    /** The scope of the tracer and the meter: the library's name. */
    String SCOPE = "io.github.faceid4j";

    /** Records nothing: the API is absent, or the application switched telemetry off. */
    CallTelemetry NONE = new CallTelemetry() {
        @Override
        public Call start(String maskedBizToken) {
            return Call.NONE;
        }

        @Override
        public void spilled(long bytes) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * A call begins, on the caller's thread.
     *
     * @param maskedBizToken the BizToken's masked prefix ({@link Redaction#prefix}), or {@code null}
     */
    Call start(String maskedBizToken);

    /**
     * An answer of {@code bytes} was written to a spill file (on the I/O thread, within an attempt). Never throws.
     */
    void spilled(long bytes);

    /** The service is closed: stops observing its limiter. */
    void close();

    /** One call's record. Its methods never throw: telemetry must not change a call's outcome. */
    interface Call {

        /** Records nothing. */
        Call NONE = new Call() {
            @Override
            public void permitWait() {
            }

            @Override
            public void retry(int attempt, String errorType) {
            }

            @Override
            public <T> void end(T answer, Throwable failure, int attempts, CallTarget<T> target) {
            }

            @Override
            public Scope attempt() {
                return Scope.NONE;
            }
        };

        /**
         * An attempt begins on this (I/O) thread: the call's span is current here until the scope is closed, on this
         * thread, when the attempt is over. So whatever runs inside the exchange (an agent's HTTP client span, a
         * credentials provider's own calls) is a child of the call's span.
         */
        Scope attempt();

        /** An attempt found no free permit and waits for one (once per attempt). */
        void permitWait();

        /** Attempt {@code attempt} failed with an exception of type {@code errorType}; another follows. */
        void retry(int attempt, String errorType);

        /**
         * The call is over: {@code answer} or {@code failure}.
         *
         * @param target what may be recorded of the answer ({@link CallTarget#record})
         */
        <T> void end(T answer, Throwable failure, int attempts, CallTarget<T> target);
    }

    /** What {@link Call#attempt()} made current; closed on the thread it was opened on. Never throws. */
    interface Scope extends AutoCloseable {

        /** Nothing was made current. */
        Scope NONE = () -> {
        };

        @Override
        void close();
    }

    /**
     * The telemetry of one service.
     *
     * @param openTelemetry the application's {@code io.opentelemetry.api.OpenTelemetry}, or {@code null} for
     *                      {@code GlobalOpenTelemetry} when the API is present and nothing when it is not
     * @param action        the service's action, {@code rpc.method}
     * @param limiter       the service's limiter: its permits in use are observed when it tells them
     */
    static CallTelemetry of(Object openTelemetry, String action, String region, URI endpoint, RateLimiter limiter) {
        if (openTelemetry == null && !apiPresent()) {
            return NONE;
        }
        try {
            return OpenTelemetryCalls.of(openTelemetry, action, region, endpoint, limiter);
        } catch (LinkageError incompatibleApi) {
            // an OpenTelemetry API older than the one this library was built with lacks something it uses: the
            // service works without telemetry rather than fail (a server may provide its own, older API)
            RequestLogging.LOG.log(System.Logger.Level.WARNING, "FaceID: the OpenTelemetry API on the class path"
                    + " is incompatible (" + incompatibleApi.getClass().getSimpleName() + ": "
                    + incompatibleApi.getMessage() + "); calls are not traced");
            return NONE;
        }
    }

    /** Whether {@code opentelemetry-api} is on the classpath, without initialising anything of it. */
    static boolean apiPresent() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, CallTelemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
