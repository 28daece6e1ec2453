package uk.gov.em.deploy;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.deploy.simulator.PublishedBreachTable;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Exactly the breaches of the published table as notifications: for each row and month, that many, spread
 * evenly over the month (UTC); the {@code OTHER} row is shared round-robin among the catalogue types it
 * stands for. Ids are unique per run, so the hub counts each once.
 */
final class PublishedTableNotifications {

    private PublishedTableNotifications() {
    }

    static List<Notification> of(PublishedBreachTable table, String runId) {
        List<BreachType> others = Arrays.stream(BreachType.values())
                .filter(t -> t.miCategory().equals(BreachType.MI_OTHER)).toList();
        List<Notification> all = new ArrayList<>();
        int sequence = 0;
        for (Map.Entry<String, Map<YearMonth, Integer>> row : table.counts().entrySet()) {
            for (Map.Entry<YearMonth, Integer> cell : row.getValue().entrySet()) {
                Instant start = cell.getKey().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant end = cell.getKey().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                long spacing = Duration.between(start, end).toSeconds() / cell.getValue();
                for (int i = 0; i < cell.getValue(); i++) {
                    BreachType type = row.getKey().equals(BreachType.MI_OTHER)
                            ? others.get(sequence % others.size()) : BreachType.valueOf(row.getKey());
                    Instant occurred = start.plusSeconds(i * spacing);
                    String id = "PUB-" + runId + "-" + (++sequence);
                    all.add(new Notification(id, "S-PUB-" + (sequence % 400), null, type, occurred,
                            type.isEpisode() ? occurred.plus(Duration.ofMinutes(45)) : null, null, null));
                }
            }
        }
        return all;
    }
}
