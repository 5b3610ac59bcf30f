package io.github.faceid4j.ratelimit.cluster;

import java.util.TreeMap;

/**
 * The places in the shared bucket's queue that the grid gave this node lately (when each token is due, in
 * {@link System#nanoTime()}), to refuse a place the grid gives a second time.
 *
 * <p>A bucket that keeps its state never gives more than {@code burst} tokens within less than one interval
 * ({@code period / permits}), to all nodes together and so to any one of them. A grid can lose its latest updates,
 * though: when the member that owns the bucket leaves before the backup of its last operation was written, the
 * promoted backup has not seen that operation and gives its place again. Seen with two Payara Micro nodes, one
 * stopped under load: one node got two tokens 11 ms apart at 17 per second. A node holding one of those places
 * recognizes the second one as a place it already has: more than {@code burst} of its places within half an interval
 * of each other. The half interval leaves room for the time the grid's answers take, which shifts the node's view of
 * a place by up to that much. A place refused is simply not used; asking again reserves the next one, and the
 * bucket catches up with what it forgot.
 *
 * <p>What this cannot see: places the grid gives again to another node, and a bucket lost altogether (then made
 * anew, full); docs/cluster.md says how the grids are configured so that neither happens on an orderly stop.
 *
 * <p>Not thread-safe: {@link ClusterRateLimiter} guards it with its reservations' lock.
 */
final class GivenPlaces {

    private final long halfIntervalNanos;
    private final long keepNanos;
    private final int burst;
    /** Place (System.nanoTime) to how many tokens the grid gave this node for it. */
    private final TreeMap<Long, Integer> places = new TreeMap<>();

    GivenPlaces(RateSettings settings) {
        long interval = settings.period().toNanos() / settings.permits();
        this.halfIntervalNanos = Math.max(1, interval / 2);
        this.keepNanos = interval;
        this.burst = settings.burst();
    }

    /**
     * Records the place {@code due} unless it is one this node already has.
     *
     * @param due when the token is due (System.nanoTime)
     * @param now the time now (System.nanoTime), to forget places that can no longer be given again
     * @return false when {@code burst} places of this node lie within half an interval of {@code due} already
     */
    boolean admit(long due, long now) {
        places.headMap(now - keepNanos).clear(); // a new place is due now or later: older ones cannot be near it
        int near = places.subMap(due - halfIntervalNanos, false, due + halfIntervalNanos, false).values().stream()
                .mapToInt(Integer::intValue).sum();
        if (near >= burst) {
            return false;
        }
        places.merge(due, 1, Integer::sum);
        return true;
    }

    /** {@return how many places are remembered} */
    int size() {
        return places.size();
    }
}
