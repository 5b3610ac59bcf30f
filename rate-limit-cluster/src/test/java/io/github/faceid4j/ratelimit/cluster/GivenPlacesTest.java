package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.ratelimit.cluster.GivenPlaces.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which places a bucket that keeps its state can give one node, and which it gives only after losing an update. */
class GivenPlacesTest {

    private static final long MS = 1_000_000L;
    /** When this node sends each grid operation (System.nanoTime); answers come 2 ms later unless said otherwise. */
    private static final long T0 = 1_000 * MS;

    private static GivenPlaces tenPerSecond(int burst) {
        return new GivenPlaces(RateSettings.builder().rate(10, Duration.ofSeconds(1)).burst(burst).build());
    }

    @Test
    void placesOneIntervalApartAreAdmittedAndAPlaceGivenAgainIsNot() {
        GivenPlaces places = tenPerSecond(1);
        assertThat(places.admit(T0, T0 + 2 * MS, 0)).isEqualTo(Verdict.ADMITTED);
        assertThat(places.admit(T0, T0 + 2 * MS, 100 * MS)).as("the next place").isEqualTo(Verdict.ADMITTED);
        assertThat(places.admit(T0 + 10 * MS, T0 + 12 * MS, 190 * MS)).isEqualTo(Verdict.ADMITTED);
        assertThat(places.admit(T0 + 20 * MS, T0 + 22 * MS, 80 * MS)).as("the same place again")
                .isEqualTo(Verdict.GIVEN_TWICE);
        assertThat(places.admit(T0 + 20 * MS, T0 + 22 * MS, 120 * MS)).as("40 ms from a place held")
                .isEqualTo(Verdict.GIVEN_TWICE);
        assertThat(places.admit(T0 + 20 * MS, T0 + 22 * MS, 330 * MS)).as("half an interval from the nearest")
                .isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void answersOfVeryDifferentLengthsCostAPlaceButAreNotTakenForALostUpdate() {
        GivenPlaces places = tenPerSecond(1);
        // reserved at once, due 100 ms later, but the answer took 110 ms: somewhere in [100, 210], taken as 210
        assertThat(places.admit(T0, T0 + 110 * MS, 100 * MS)).isEqualTo(Verdict.ADMITTED);
        // the next place, due at 200 and answered at once: 9 ms from the first's end, but not surely the same
        assertThat(places.admit(T0 + 99 * MS, T0 + 101 * MS, 100 * MS)).as("its end is near, its span is not")
                .isEqualTo(Verdict.NEAR);
        assertThat(places.size()).isEqualTo(1);
    }

    @Test
    void aPlaceGivenAgainAfterAHandOverIsRefusedThoughItsAnswerWaited() {
        GivenPlaces places = tenPerSecond(1);
        assertThat(places.admit(T0, T0 + 2 * MS, 500 * MS)).as("answered at once, due at 502")
                .isEqualTo(Verdict.ADMITTED);
        // the owner leaves; an operation sent at 100 waits 300 ms for the new owner, which has lost the first
        // reservation and gives its place again (due at 500 by its clock, 100 ms after it ran just before 400)
        assertThat(places.admit(T0 + 100 * MS, T0 + 400 * MS, 100 * MS)).isNotEqualTo(Verdict.ADMITTED);
    }

    @Test
    void theBurstIsGivenAtOnceAndNoMore() {
        GivenPlaces places = tenPerSecond(3);
        for (int i = 0; i < 3; i++) {
            assertThat(places.admit(T0, T0 + 2 * MS, 0)).isEqualTo(Verdict.ADMITTED);
        }
        assertThat(places.admit(T0, T0 + 2 * MS, MS)).as("a fourth within the interval")
                .isEqualTo(Verdict.GIVEN_TWICE);
        assertThat(places.admit(T0, T0 + 2 * MS, 100 * MS)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void placesAnIntervalInThePastAreForgotten() {
        GivenPlaces places = tenPerSecond(1);
        long now = T0;
        for (int i = 0; i < 1000; i++) {
            now += 100 * MS;
            assertThat(places.admit(now - 2 * MS, now, 500 * MS)).isEqualTo(Verdict.ADMITTED);
        }
        assertThat(places.size()).as("five places ahead, the one due now and the one an interval back")
                .isEqualTo(7);
    }
}
