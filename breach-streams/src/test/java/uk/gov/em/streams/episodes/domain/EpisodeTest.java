package uk.gov.em.streams.episodes.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeTest {

    private static final Instant T0 = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2022-02-05T00:00:00Z");

    @Test
    void anEpisodeRunsFromTheEarliestStartToTheLatestEndWhateverTheOrder() {
        Episode endFirst = Episode.of(n("N-2", 8, 14L), RECEIVED).with(n("N-1", 0, 8L), RECEIVED);
        Episode startFirst = Episode.of(n("N-1", 0, 8L), RECEIVED).with(n("N-2", 8, 14L), RECEIVED);

        assertThat(endFirst).isEqualTo(startFirst);
        assertThat(endFirst.start()).isEqualTo(T0);
        assertThat(endFirst.end()).isEqualTo(T0.plusSeconds(14 * 3600));
        assertThat(endFirst.notificationIds()).containsExactly("N-1", "N-2");
    }

    @Test
    void anEpisodeIsOpenUntilANotificationGivesItAnEndAndAnOpenCopyDoesNotReopenIt() {
        Episode open = Episode.of(n("N-open", 0, null), RECEIVED);
        Episode closed = open.with(n("N-close", 0, 13L), RECEIVED);

        assertThat(open.isOpen()).isTrue();
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.with(n("N-open-again", 0, null), RECEIVED).isOpen()).isFalse();
    }

    @Test
    void theChangeOfClosingAnOpenEpisodeStartsAtItsEnd() {
        Episode open = Episode.of(n("N-open", 0, null), RECEIVED);
        Episode closed = open.with(n("N-close", 0, 13L), RECEIVED);

        assertThat(closed.changedSince(Optional.of(open))).contains(T0.plusSeconds(13 * 3600));
        assertThat(closed.changedSince(Optional.of(closed))).isEmpty();
        assertThat(open.changedSince(Optional.empty())).contains(T0);
    }

    private static Notification n(String id, int fromHour, Long toHour) {
        return new Notification(id, "S-1", "D-1", BreachType.BATTERY_DEPLETED, T0.plusSeconds(fromHour * 3600L),
                toHour == null ? null : T0.plusSeconds(toHour * 3600), "EP-1", null);
    }
}
