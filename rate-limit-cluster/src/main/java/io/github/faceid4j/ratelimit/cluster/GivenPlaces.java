package io.github.faceid4j.ratelimit.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The places in the shared bucket's queue that the grid gave this node lately, to refuse a place the grid gives a
 * second time.
 *
 * <p>A bucket that keeps its state never gives more than {@code burst} tokens within less than one interval
 * ({@code period / permits}), to all nodes together and so to any one of them. A grid can lose its latest updates,
 * though: when the member that owns the bucket leaves before the backup of its last operation was written, the
 * promoted backup has not seen that operation and gives its place again. Seen with two Payara Micro nodes, one
 * stopped under load: one node got two tokens 11 ms apart at 17 per second.
 *
 * <p>Where a place lies in this node's time is known only within the grid operation: it was reserved at some moment
 * between sending the operation and receiving the answer, {@code wait} before it is due. A place is refused when
 * {@code burst} places of this node lie within half an interval of it, each place taken at the end of its span (the
 * answer's arrival plus the wait, as the node schedules it). The end is right where it matters: an operation that
 * waited for a member's hand-over ran on the new owner just before its answer came, and so did the operation that
 * gave the place the first time, answered at once. When answers took very different times (the first operations
 * of a load on cold threads), a place near another but not the same is refused too: a token lost, never one too
 * many. A place refused is not used; asking again reserves the next one, and the bucket catches up with what it
 * forgot. Only when the spans leave no doubt (they lie within one interval, less the grid clock's millisecond) is
 * it {@linkplain Verdict#GIVEN_TWICE given twice} for sure, which the limiter reports as a warning.
 *
 * <p>What this cannot see: places the grid gives again to another node, and a bucket lost altogether (then made
 * anew, full); docs/cluster.md says how the grids are configured so that neither happens on an orderly stop.
 *
 * <p>Not thread-safe: {@link ClusterRateLimiter} guards it with its reservations' lock.
 */
final class GivenPlaces {

    /** What {@link #admit} decided. */
    enum Verdict {
        /** Recorded: a place this node may use. */
        ADMITTED,
        /** Near places this node holds: probably the same place, or answers that took very different times. */
        NEAR,
        /** Certainly a place this node holds already: the grid lost an update. */
        GIVEN_TWICE
    }

    /** Where the place lies: somewhere in [earliest, latest] (System.nanoTime). */
    private record Place(long earliest, long latest) {
    }

    /** The grid clock's resolution (Bucket4j measures in milliseconds), and then some. */
    private static final long CLOCK_SLACK_NANOS = 2_000_000;

    private final long intervalNanos;
    private final long halfIntervalNanos;
    private final int burst;
    /** The places by their end ({@link Place#latest()}); several may share one. */
    private final TreeMap<Long, List<Place>> places = new TreeMap<>();

    GivenPlaces(RateSettings settings) {
        this.intervalNanos = Math.max(2, settings.period().toNanos() / settings.permits());
        this.halfIntervalNanos = intervalNanos / 2;
        this.burst = settings.burst();
    }

    /**
     * Records the place of a token due {@code wait} after the grid reserved it, unless it is one this node has.
     *
     * @param sent     when the grid operation was sent (System.nanoTime)
     * @param answered when its answer arrived, the time now (System.nanoTime)
     * @param wait     the nanos until the token is due, as the grid answered (0: free now)
     * @return whether the place was admitted, or why not
     */
    Verdict admit(long sent, long answered, long wait) {
        places.headMap(answered - intervalNanos).clear(); // new places are due now or later: older ones are far
        Place place = new Place(sent + wait, answered + wait);
        long end = place.latest();
        List<Place> near = new ArrayList<>();
        places.subMap(end - halfIntervalNanos, false, end + halfIntervalNanos, false).values().forEach(near::addAll);
        if (near.size() < burst) {
            places.computeIfAbsent(end, m -> new ArrayList<>(1)).add(place);
            return Verdict.ADMITTED;
        }
        near.sort(Comparator.comparingLong(p -> Math.abs(p.latest() - end)));
        long earliest = place.earliest();
        long latest = place.latest();
        for (Place p : near.subList(0, burst)) {
            earliest = Math.min(earliest, p.earliest());
            latest = Math.max(latest, p.latest());
        }
        return latest - earliest < intervalNanos - CLOCK_SLACK_NANOS ? Verdict.GIVEN_TWICE : Verdict.NEAR;
    }

    /** {@return how many places are remembered} */
    int size() {
        return places.values().stream().mapToInt(List::size).sum();
    }
}
