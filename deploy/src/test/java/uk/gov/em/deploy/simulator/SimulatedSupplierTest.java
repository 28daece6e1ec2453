package uk.gov.em.deploy.simulator;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.NotificationRules;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatedSupplierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void theShippedTableIsThePublishedOne() {
        PublishedBreachTable table = PublishedBreachTable.shipped();
        // Figures from PRODUCT.md: 7,131 breaches in six months, 4,967 of them battery.
        assertThat(table.grandTotal()).isEqualTo(7131);
        assertThat(table.total("BATTERY_DEPLETED")).isEqualTo(4967);
        assertThat(table.months()).first().isEqualTo(YearMonth.of(2021, 9));
        assertThat(table.counts().get("CURFEW_MISSED_FULL").get(YearMonth.of(2022, 2))).isEqualTo(7);
    }

    @Test
    void aTableWhoseRowsDoNotAddUpIsRefused() {
        String csv = "breach_type,2021-09,total\nBATTERY_DEPLETED,3,4\nTOTAL,3,3\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        PublishedBreachTable.read(new java.io.ByteArrayInputStream(csv.getBytes())))
                .hasMessageContaining("BATTERY_DEPLETED");
    }

    @Test
    void batteryNotificationsMakeUpAboutSeventyPercentAsPublished() {
        SimulatedSupplier supplier = new SimulatedSupplier(NotificationMix.of(PublishedBreachTable.shipped()),
                new Random(42), 250, "t");
        Map<BreachType, Integer> counts = new EnumMap<>(BreachType.class);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(supplier.next(NOW).type(), 1, Integer::sum);
        }
        assertThat(counts.get(BreachType.BATTERY_DEPLETED) / (double) n).isCloseTo(4967 / 7131.0, within(0.02));
        assertThat(counts.get(BreachType.ABSENCE_15_MIN) / (double) n).isCloseTo(915 / 7131.0, within(0.01));
        assertThat(counts).containsKey(BreachType.STRAP_TAMPER);
    }

    @Test
    void everySimulatedNotificationIsOneTheGatewayAccepts() {
        SimulatedSupplier supplier = new SimulatedSupplier(NotificationMix.of(PublishedBreachTable.shipped()),
                new Random(7), 250, "t");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Notification n = supplier.next(NOW);
            assertThat(NotificationRules.check(n, NOW)).as(n.toString()).isEmpty();
            assertThat(ids.add(n.notificationId())).isTrue();
            if (n.type().isEpisode()) {
                assertThat(n.endedAt()).isAfter(n.occurredAt()).isBefore(NOW);
            }
        }
    }
}
