package uk.gov.em.contracts;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.NotificationRules.FieldProblem;
import uk.gov.em.contracts.NotificationRules.FieldProblem.Kind;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Notification notification(String id, String subject, Instant occurred, Instant ended) {
        return new Notification(id, subject, null, BreachType.STRAP_TAMPER, occurred, ended, null, null);
    }

    @Test
    void aWellFormedNotificationBreaksNoRule() {
        Notification n = new Notification("EMS-000123", "S-100045", "GPS-88812", BreachType.BATTERY_DEPLETED,
                Instant.parse("2022-02-01T10:15:00Z"), Instant.parse("2022-02-01T13:40:00Z"), "EMS-EP-9931",
                Map.of("note", "device back on charge before report"));
        assertThat(NotificationRules.check(n, NOW)).isEmpty();
    }

    @Test
    void identifiersMayUseOnlyTheContractCharactersAndLengths() {
        Notification n = new Notification("bad id!", "x".repeat(65), "", BreachType.STRAP_TAMPER, NOW, null,
                "y".repeat(129), null);
        assertThat(NotificationRules.check(n, NOW)).extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("notificationId", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("subjectId", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("deviceId", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("episodeId", Kind.MALFORMED));
    }

    @Test
    void theLongestIdentifiersAreAccepted() {
        Notification n = notification("a".repeat(128), "b".repeat(64), NOW, null);
        assertThat(NotificationRules.check(n, NOW)).isEmpty();
    }

    @Test
    void anEndBeforeTheStartIsImpossible() {
        Notification n = notification("N-1", "S-1", NOW.minusSeconds(10), NOW.minusSeconds(11));
        assertThat(NotificationRules.check(n, NOW)).containsExactly(
                FieldProblem.impossible("endedAt", "must not be before occurredAt"));
    }

    @Test
    void anEndEqualToTheStartIsAZeroLengthEpisodeAndAllowed() {
        assertThat(NotificationRules.check(notification("N-1", "S-1", NOW, NOW), NOW)).isEmpty();
    }

    @Test
    void timesMayBeUpToFiveMinutesAheadOfTheServerClockButNoMore() {
        assertThat(NotificationRules.check(notification("N-1", "S-1", NOW.plusSeconds(300), null), NOW)).isEmpty();
        assertThat(NotificationRules.check(notification("N-1", "S-1", NOW.plusSeconds(301), null), NOW))
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("occurredAt", Kind.IMPOSSIBLE));
    }

    @Test
    void historicalBackFillReachesBackToTheYear2000AndNoFurther() {
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        assertThat(NotificationRules.check(notification("N-1", "S-1", first, null), NOW)).isEmpty();
        assertThat(NotificationRules.check(notification("N-1", "S-1", first.minusSeconds(1), null), NOW))
                .extracting(FieldProblem::field).containsExactly("occurredAt");
    }

    @Test
    void detailsMayNotExceedFourKibibytesSerialised() {
        // {"n":"<v>"} is 8 bytes of punctuation and key around the value.
        Map<String, String> fits = Map.of("n", "v".repeat(4096 - 8));
        Map<String, String> over = Map.of("n", "v".repeat(4096 - 7));
        Notification ok = new Notification("N-1", "S-1", null, BreachType.STRAP_TAMPER, NOW, null, null, fits);
        Notification big = new Notification("N-1", "S-1", null, BreachType.STRAP_TAMPER, NOW, null, null, over);
        assertThat(NotificationRules.check(ok, NOW)).isEmpty();
        assertThat(NotificationRules.check(big, NOW)).extracting(FieldProblem::field).containsExactly("details");
    }
}
