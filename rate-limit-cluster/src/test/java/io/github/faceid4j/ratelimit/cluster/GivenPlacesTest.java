package io.github.faceid4j.ratelimit.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which places a bucket that keeps its state can give one node, and which it gives only after losing an update. */
class GivenPlacesTest {

    private static final long MS = 1_000_000L;

    @Test
    void placesOneIntervalApartAreAdmittedAndAPlaceGivenAgainIsNot() {
        GivenPlaces places = new GivenPlaces(RateSettings.builder().rate(10, Duration.ofSeconds(1)).build());
        long now = 1_000 * MS;
        assertThat(places.admit(now, now)).isTrue();
        assertThat(places.admit(now + 100 * MS, now)).as("the next place").isTrue();
        assertThat(places.admit(now + 200 * MS + 30 * MS, now)).as("late answers shift a place").isTrue();
        assertThat(places.admit(now + 100 * MS + 49 * MS, now)).as("within half an interval of a place held")
                .isFalse();
        assertThat(places.admit(now + 100 * MS - 49 * MS, now)).isFalse();
        assertThat(places.admit(now + 100 * MS, now)).as("the same place").isFalse();
        assertThat(places.admit(now + 330 * MS, now)).as("half an interval from the nearest").isTrue();
    }

    @Test
    void theBurstIsGivenAtOnceAndNoMore() {
        GivenPlaces places = new GivenPlaces(RateSettings.builder().rate(10, Duration.ofSeconds(1)).burst(3).build());
        long now = 1_000 * MS;
        assertThat(places.admit(now, now)).isTrue();
        assertThat(places.admit(now, now)).isTrue();
        assertThat(places.admit(now + MS, now)).isTrue();
        assertThat(places.admit(now + 2 * MS, now)).as("a fourth within the interval").isFalse();
        assertThat(places.admit(now + 100 * MS, now)).isTrue();
    }

    @Test
    void placesAnIntervalInThePastAreForgotten() {
        GivenPlaces places = new GivenPlaces(RateSettings.builder().rate(10, Duration.ofSeconds(1)).build());
        long now = 1_000 * MS;
        for (int i = 0; i < 1000; i++) {
            now += 100 * MS;
            assertThat(places.admit(now + 500 * MS, now)).isTrue();
        }
        assertThat(places.size()).as("five places ahead, the one due now and the one an interval back").isEqualTo(7);
    }
}
