package io.github.faceid4j.cdi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The decorator behind {@link ObservedVerificationResultService} and {@link ObservedVerificationStartService}: every
 * call, synchronous or not, ends with one event, published before the caller sees the outcome; an observer that
 * fails is logged and never changes the call's outcome. Knows nothing of CDI: the extension passes
 * {@code Event::fire} as the listener. A subclass says what the event of a call is.
 *
 * @param <I> what a call is given (a BizToken, a request)
 * @param <T> what a call answers
 * @param <E> the event
 */
abstract class ObservedService<I, T, E> {

    private final Logger log = Logger.getLogger(getClass().getName());
    private final String clientName;
    private final Consumer<E> listener;
    private final String eventName;

    ObservedService(String clientName, Consumer<E> listener, Class<E> eventType) {
        this.clientName = clientName;
        this.listener = listener;
        this.eventName = eventType.getSimpleName();
    }

    /**
     * The event of one call.
     *
     * @param answer what the call answered, when it succeeded
     * @param cause  why it failed ({@link CompletionException} and {@link ExecutionException} unwrapped), else null
     */
    abstract E event(I input, T answer, Throwable cause, Duration duration, boolean async);

    final String clientName() {
        return clientName;
    }

    /** The client's name for {@code toString()} and log lines: {@code default} for the unnamed one. */
    final String clientLabel() {
        return clientName.isEmpty() ? "default" : clientName;
    }

    final T observe(I input, Function<I, T> call) {
        long start = System.nanoTime();
        T answer;
        try {
            answer = call.apply(input);
        } catch (RuntimeException | Error e) {
            publish(input, null, e, start, false);
            throw e;
        }
        publish(input, answer, null, start, false);
        return answer;
    }

    final CompletionStage<T> observeAsync(I input, Function<I, CompletionStage<T>> call) {
        long start = System.nanoTime();
        CompletionStage<T> stage;
        try {
            stage = call.apply(input);
        } catch (RuntimeException | Error e) {
            publish(input, null, e, start, true);
            throw e;
        }
        // A new future completed by hand: the caller sees the delegate's exception as is (not wrapped in a
        // CompletionException) and only after the observers ran, so "join, then look at the events" is reliable.
        CompletableFuture<T> observed = new CompletableFuture<>();
        stage.whenComplete((answer, failure) -> {
            publish(input, answer, failure, start, true);
            if (failure != null) {
                observed.completeExceptionally(failure);
            } else {
                observed.complete(answer);
            }
        });
        return observed;
    }

    private void publish(I input, T answer, Throwable failure, long start, boolean async) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        E event = event(input, answer, failure == null ? null : unwrap(failure), duration, async);
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // Observability must not change the outcome of the call it observes.
            log.log(Level.WARNING, "An observer of " + eventName + " failed (FaceID client "
                    + (clientName.isEmpty() ? "default" : "'" + clientName + "'") + ")", e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
