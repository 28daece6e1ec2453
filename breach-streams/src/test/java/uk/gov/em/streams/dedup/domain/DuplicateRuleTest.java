package uk.gov.em.streams.dedup.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.domain.Sha256;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRuleTest {

    private static final Notifications TAMPER = Notifications.a(BreachType.STRAP_TAMPER);
    private static final Instant FIRST_SEEN = Instant.parse("2022-02-03T21:17:30Z");

    @Test
    void aNotificationNeverSeenBeforeIsTheFirstCopy() {
        String fingerprint = NotificationFingerprint.of(TAMPER.notification());

        assertThat(DuplicateRule.decide(Optional.empty(), fingerprint))
                .isEqualTo(new DedupDecision.FirstCopy(fingerprint));
    }

    @Test
    void theSameContentAgainIsSameAgain() {
        SeenNotification first = new SeenNotification("ems/EMS-000123", NotificationFingerprint.of(TAMPER.notification()), FIRST_SEEN, false);

        DedupDecision decision = DuplicateRule.decide(Optional.of(first), NotificationFingerprint.of(TAMPER.notification()));

        assertThat(decision).isEqualTo(new DedupDecision.SameAgain(first));
        assertThat(decision.outcome()).isEqualTo("same-again");
    }

    @Test
    void theSameIdWithDifferentContentIsAConflictThatKeepsTheFirst() {
        SeenNotification first = new SeenNotification("ems/EMS-000123", NotificationFingerprint.of(TAMPER.notification()), FIRST_SEEN, false);
        String later = NotificationFingerprint.of(TAMPER.occurredAt(Notifications.OCCURRED.plusSeconds(60)).notification());

        DedupDecision decision = DuplicateRule.decide(Optional.of(first), later);

        assertThat(decision).isEqualTo(new DedupDecision.Conflicting(first, later));
        assertThat(decision.reason()).contains("different content", "the first copy was kept");
    }

    @Test
    void aConflictIsReportedWithTheLaterCopysIdentityAndTimes() {
        SeenNotification first = new SeenNotification("ems/EMS-000123", NotificationFingerprint.of(TAMPER.notification()), FIRST_SEEN, false);
        ReceivedNotification copy = TAMPER.subject("S-999").receivedAt(FIRST_SEEN.plusSeconds(3600)).received();
        var conflict = (DedupDecision.Conflicting) DuplicateRule.decide(Optional.of(first),
                NotificationFingerprint.of(copy.notification()));

        DataQualityEvent report = DuplicateRule.conflictReport(copy, conflict);

        assertThat(report.issue()).isEqualTo(DataQualityEvent.Issue.CONFLICTING_DUPLICATE);
        assertThat(report.supplier()).isEqualTo("ems");
        assertThat(report.notificationId()).isEqualTo("EMS-000123");
        assertThat(report.subjectId()).isEqualTo("S-999");
        assertThat(report.eventTime()).isEqualTo(Notifications.OCCURRED);
        assertThat(report.detectedAt()).isEqualTo(FIRST_SEEN.plusSeconds(3600));
        assertThat(report.detail()).startsWith("Notification EMS-000123 from ems: the same notification id arrived again");
    }

    @Test
    void theFingerprintKeepsTheFormStoredEntriesWereWrittenWith() {
        // de-duplication entries in the stores carry fingerprints: a new form would make every later copy a conflict
        var n = Notifications.a(BreachType.BATTERY_DEPLETED).occurredAt(Instant.parse("2022-02-03T21:15:00.120Z"))
                .endedAt(Instant.parse("2022-02-04T01:00:00.000000500Z")).notification();
        String facts = String.join("\u001f", n.notificationId(), n.subjectId(), n.deviceId(), n.type().code(),
                n.occurredAt().toString(), n.endedAt().toString(), n.effectiveEpisodeId());

        assertThat(NotificationFingerprint.of(n)).isEqualTo(Sha256.hex(facts).substring(0, 32))
                .isEqualTo("f89c22aa651511e969a750d839fe3c6d");
    }

    @Test
    void fingerprintsDifferWhenAnyFactDiffers() {
        String base = NotificationFingerprint.of(TAMPER.notification());

        assertThat(NotificationFingerprint.of(TAMPER.subject("S-2").notification())).isNotEqualTo(base);
        assertThat(NotificationFingerprint.of(Notifications.a(BreachType.LOCATION_BREACH).notification())).isNotEqualTo(base);
        assertThat(NotificationFingerprint.of(TAMPER.occurredAt(Notifications.OCCURRED.plusMillis(1)).notification())).isNotEqualTo(base);
        assertThat(NotificationFingerprint.of(TAMPER.endedAt(Notifications.OCCURRED.plusSeconds(5)).notification())).isNotEqualTo(base);
        assertThat(NotificationFingerprint.of(TAMPER.episode("EP-1").notification())).isNotEqualTo(base);
        assertThat(base).hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void detailsAndADefaultedEpisodeIdDoNotChangeTheFingerprint() {
        String live = NotificationFingerprint.of(TAMPER.details(Map.of("note", "strap cut", "agent", "A7")).notification());

        assertThat(NotificationFingerprint.of(TAMPER.notification())).isEqualTo(live);
        assertThat(NotificationFingerprint.of(TAMPER.episode("EMS-000123").notification())).isEqualTo(live);
    }

    @Test
    void aCopyAlreadyWithdrawnArrivingIsTheSameAgain() {
        String fingerprint = NotificationFingerprint.of(TAMPER.notification());
        SeenNotification withdrawn = new SeenNotification("ems/EMS-000123", fingerprint, FIRST_SEEN, true);

        assertThat(DuplicateRule.decide(Optional.of(withdrawn), fingerprint)).isEqualTo(new DedupDecision.SameAgain(withdrawn));
    }
}
