package uk.gov.em.hub.dataquality.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DataQualityEvent;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DataQualityReportTest {

    private static final Instant T = Instant.parse("2022-02-03T10:00:00Z");
    private static final DataQualityReport.Origin ORIGIN =
            new DataQualityReport.Origin("em.breach-cases", 1, 7L, "SQLSTATE 22021");

    @Test
    void theSameReportHasTheSameFingerprintAndADifferentOneAnother() {
        DataQualityEvent event = new DataQualityEvent(DataQualityEvent.Issue.TOO_LATE, "ems", "N-1", "S-1", "late", T, T);
        DataQualityEvent other = new DataQualityEvent(DataQualityEvent.Issue.TOO_LATE, "ems", "N-2", "S-1", "late", T, T);

        assertThat(DataQualityReport.of(event).fingerprint()).isEqualTo(DataQualityReport.of(event).fingerprint())
                .isNotEqualTo(DataQualityReport.of(other).fingerprint());
    }

    @Test
    void aDeadLetterSentAgainLaterIsTheSameOneAndOneFromAnotherOffsetIsNot() {
        DataQualityReport first = deadLetter(ORIGIN, T);
        DataQualityReport resent = deadLetter(ORIGIN, T.plusSeconds(30));
        DataQualityReport next = deadLetter(new DataQualityReport.Origin("em.breach-cases", 1, 8L, "SQLSTATE 22021"), T);

        assertThat(resent.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(next.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void textPostgresCannotHoldIsCleanedAndCutAndBlankIsNoText() {
        DataQualityReport r = new DataQualityReport(DataQualityKind.DEAD_LETTERED, " ", "N-\u00001", null,
                "x".repeat(DataQualityReport.MAX_TEXT + 10), null, T,
                new DataQualityReport.Origin("t\u0000", null, null, null));

        assertThat(r.supplier()).isNull();
        assertThat(r.notificationId()).isEqualTo("N-1");
        assertThat(r.detail()).hasSize(DataQualityReport.MAX_TEXT);
        assertThat(r.origin().topic()).isEqualTo("t");
    }

    @Test
    void everyKindTheStreamProcessorReportsHasTheHubsKindOfTheSameName() {
        for (DataQualityEvent.Issue issue : DataQualityEvent.Issue.values()) {
            assertThat(DataQualityKind.of(issue).name()).isEqualTo(issue.name());
        }
    }

    private static DataQualityReport deadLetter(DataQualityReport.Origin origin, Instant at) {
        return new DataQualityReport(DataQualityKind.DEAD_LETTERED, null, null, "S-1", "UNREADABLE: not JSON", null, at,
                origin);
    }
}
