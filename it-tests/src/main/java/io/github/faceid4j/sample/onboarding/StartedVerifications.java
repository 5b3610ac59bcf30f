package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.model.start.StartedVerification;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every verification the portal started, with what it last learned about it: the server-side record that lets the
 * portal learn the outcome of a customer who never comes back (the reconciliation page,
 * {@code GET /api/portal/verifications}). A real portal keeps this in its database; the sample keeps the latest
 * {@value #KEPT} in memory.
 */
@ApplicationScoped
public class StartedVerifications {

    static final int KEPT = 500;

    /** One started verification; the token stays on the server, pages show it masked. */
    static final class Started {
        final String customer;
        final String bizToken;
        final Instant startedAt;
        private String state = "started, no news yet";
        private boolean concluded;

        Started(String customer, String bizToken, Instant startedAt) {
            this.customer = customer;
            this.bizToken = bizToken;
            this.startedAt = startedAt;
        }

        synchronized String state() {
            return state;
        }

        synchronized boolean concluded() {
            return concluded;
        }

        synchronized void learned(String state, boolean concluded) {
            this.state = state;
            this.concluded = concluded;
        }

        String maskedToken() {
            return bizToken.substring(0, Math.min(4, bizToken.length())) + "...";
        }
    }

    private final Map<String, Started> byToken = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void add(String customer, StartedVerification started) {
        byToken.put(started.bizToken(), new Started(customer, started.bizToken(), Instant.now()));
    }

    synchronized Started find(String bizToken) {
        return byToken.get(bizToken);
    }

    /** Newest first. */
    synchronized List<Started> all() {
        List<Started> list = new ArrayList<>(byToken.values());
        java.util.Collections.reverse(list);
        return list;
    }
}
