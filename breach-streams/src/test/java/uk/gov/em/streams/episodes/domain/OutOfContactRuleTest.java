package uk.gov.em.streams.episodes.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutOfContactRuleTest {

    private static final Instant T0 = Instant.parse("2022-02-01T00:00:00Z");
    private static final Duration LIMIT = Duration.ofHours(168);
    private static final Instant REACHED = T0.plus(LIMIT);

    @Test
    void anOpenEpisodeWaitsUntilStartPlus168HoursThenRaises() {
        Episode open = episode(null, null);

        assertThat(OutOfContactRule.decide(open, LIMIT, REACHED.minusSeconds(1)))
                .isEqualTo(new OutOfContactRule.Wait(Optional.of(REACHED)));
        assertThat(OutOfContactRule.decide(open, LIMIT, REACHED)).isEqualTo(new OutOfContactRule.Raise(REACHED));
    }

    @Test
    void onceRaisedItIsNotRaisedAgain() {
        assertThat(OutOfContactRule.decide(episode(null, "C-1"), LIMIT, REACHED.plus(Duration.ofDays(30))))
                .isEqualTo(new OutOfContactRule.Wait(Optional.empty()));
    }

    @Test
    void anEpisodeThatEndedOneSecondShortOf168HoursRaisesNothing() {
        assertThat(OutOfContactRule.decide(episode(REACHED.minusSeconds(1), null), LIMIT, REACHED.plus(LIMIT)))
                .isEqualTo(new OutOfContactRule.Wait(Optional.empty()));
    }

    @Test
    void aCaseWhoseEpisodeIsLaterReportedToHaveEndedBeforeTheLimitIsWithdrawn() {
        assertThat(OutOfContactRule.decide(episode(T0.plusSeconds(3600), "C-1"), LIMIT, REACHED))
                .isInstanceOfSatisfying(OutOfContactRule.Withdraw.class, w -> {
                    assertThat(w.caseId()).isEqualTo("C-1");
                    assertThat(w.reason()).contains("ended at 2022-02-01T01:00:00Z, before it had lasted 168 h");
                });
    }

    private static Episode episode(Instant end, String caseId) {
        return Episode.of(BreachType.OUT_OF_CONTACT, "EP-1", List.of(new Episode.Report("N-1", T0, end, T0)), caseId);
    }
}
