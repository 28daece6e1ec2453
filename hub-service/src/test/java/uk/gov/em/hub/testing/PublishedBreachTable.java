package uk.gov.em.hub.testing;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.ReceivedNotification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published "breaches by type" table (7,131 notifications, September 2021 to February 2022) from the
 * test resources, and notifications generated to reproduce it cell for cell.
 *
 * @param months the month columns, in order
 * @param cells  rows by type (and TOTAL), then counts by month (and "total")
 */
public record PublishedBreachTable(List<String> months, Map<String, Map<String, Long>> cells) {

    public static final String CSV = "/breaches-by-type-2021-09_2022-02.csv";
    public static final int TOTAL = 7_131;
    private static final List<BreachType> OTHER_TYPES = Arrays.stream(BreachType.values())
            .filter(t -> t.miCategory().equals(BreachType.MI_OTHER)).toList();

    public static PublishedBreachTable read() {
        try (InputStream in = PublishedBreachTable.class.getResourceAsStream(CSV)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            String[] header = lines.getFirst().split(",");
            List<String> months = Arrays.asList(header).subList(1, header.length - 1);
            Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                Map<String, Long> byMonth = new TreeMap<>();
                for (int i = 1; i < f.length; i++) {
                    byMonth.put(header[i], Long.parseLong(f[i]));
                }
                cells.put(f[0], byMonth);
            }
            return new PublishedBreachTable(months, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One notification per counted breach from {@code supplier}, spread over each cell's month. */
    public List<ReceivedNotification> notifications(String supplier) {
        List<ReceivedNotification> notifications = new ArrayList<>();
        int other = 0;
        for (Map.Entry<String, Map<String, Long>> row : cells.entrySet()) {
            if (row.getKey().equals("TOTAL")) {
                continue;
            }
            for (String month : months) {
                long n = row.getValue().get(month);
                Instant start = YearMonth.parse(month).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                long span = Duration.between(start, end).toSeconds() - 1;
                for (long i = 0; i < n; i++) {
                    // the first of a cell at the month's first second, the last at its last second
                    Instant at = start.plusSeconds(n == 1 ? 0 : span * i / (n - 1));
                    BreachType type = row.getKey().equals(BreachType.MI_OTHER)
                            ? OTHER_TYPES.get(other++ % OTHER_TYPES.size()) : BreachType.valueOf(row.getKey());
                    notifications.add(ANotification.aNotification().supplier(supplier).type(type).occurredAt(at)
                            .reportedAfter(Duration.ofSeconds(1 + i % 600)).build());
                }
            }
        }
        return notifications;
    }
}
