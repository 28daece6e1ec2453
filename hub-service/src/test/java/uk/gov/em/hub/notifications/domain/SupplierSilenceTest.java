package uk.gov.em.hub.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierSilenceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final SilenceLimits limits = SilenceLimits.parse("ems=PT30M, backup=PT2H", Duration.ofHours(1));

    @Test
    void aFeedSilentForExactlyItsMaximumIsStillWithinItsLimit() {
        SupplierSilence ems = new SupplierSilence("ems", Optional.of(NOW.minus(Duration.ofMinutes(30))), Duration.ofMinutes(30));
        assertThat(ems.seconds(NOW)).isEqualTo(1800.0);
        assertThat(ems.status(NOW)).isEqualTo(SupplierSilence.Status.WITHIN_LIMIT);
    }

    @Test
    void aFeedSilentForOneSecondMoreThanItsMaximumIsSilentTooLong() {
        SupplierSilence ems = new SupplierSilence("ems", Optional.of(NOW.minusSeconds(1801)), Duration.ofMinutes(30));
        assertThat(ems.status(NOW)).isEqualTo(SupplierSilence.Status.SILENT_TOO_LONG);
    }

    @Test
    void aNamedSupplierThatNeverSentHasBeenSilentForEver() {
        SupplierSilence backup = SupplierSilence.of(Map.of(), limits).stream()
                .filter(f -> f.supplier().equals("backup")).findFirst().orElseThrow();
        assertThat(backup.seconds(NOW)).isInfinite();
        assertThat(backup.status(NOW)).isEqualTo(SupplierSilence.Status.SILENT_TOO_LONG);
        assertThat(backup.maximum()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void everyNamedSupplierAndEverySupplierThatSentIsWatchedOnceInSupplierOrder() {
        assertThat(SupplierSilence.of(Map.of("ems", NOW, "newcomer", NOW.minusSeconds(10)), limits))
                .extracting(SupplierSilence::supplier, SupplierSilence::maximum)
                .containsExactly(
                        tuple("backup", Duration.ofHours(2)),
                        tuple("ems", Duration.ofMinutes(30)),
                        tuple("newcomer", Duration.ofHours(1)));
    }

    @Test
    void aReceiveTimeAheadOfTheClockCountsAsNoSilenceRatherThanNegative() {
        SupplierSilence ems = new SupplierSilence("ems", Optional.of(NOW.plusSeconds(5)), Duration.ofMinutes(30));
        assertThat(ems.seconds(NOW)).isZero();
    }

    @Test
    void aLimitThatIsNotSupplierEqualsDurationIsRefusedNamingThePair() {
        assertThatThrownBy(() -> SilenceLimits.parse("ems=30 minutes", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ems=30 minutes");
        assertThatThrownBy(() -> SilenceLimits.parse("ems", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ems'");
        assertThatThrownBy(() -> SilenceLimits.parse("ems=PT0S", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void noNamedSuppliersLeavesOnlyTheDefault() {
        SilenceLimits none = SilenceLimits.parse(" ", Duration.ofMinutes(45));
        assertThat(none.named()).isEmpty();
        assertThat(none.maximumFor("anyone")).isEqualTo(Duration.ofMinutes(45));
    }
}
