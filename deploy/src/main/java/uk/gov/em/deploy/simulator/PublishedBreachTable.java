package uk.gov.em.deploy.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inspection's published "breaches by type" table (Sept 2021 – Feb 2022): for each row (a catalogue
 * code or {@code OTHER}) the count in each month. The {@code TOTAL} row and the total column are checks,
 * not data: {@link #read} verifies them.
 */
public record PublishedBreachTable(List<YearMonth> months, Map<String, Map<YearMonth, Integer>> counts) {

    public static final String RESOURCE = "/simulation/breaches-by-type-2021-09_2022-02.csv";

    /** The copy shipped with the launcher. */
    public static PublishedBreachTable shipped() {
        try (InputStream in = Objects.requireNonNull(PublishedBreachTable.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PublishedBreachTable read(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.strip().split(","));
            }
        }
        String[] header = rows.getFirst();
        List<YearMonth> months = new ArrayList<>();
        for (int i = 1; i < header.length - 1; i++) {
            months.add(YearMonth.parse(header[i]));
        }
        Map<String, Map<YearMonth, Integer>> counts = new LinkedHashMap<>();
        Map<YearMonth, Integer> published = Map.of();
        for (String[] row : rows.subList(1, rows.size())) {
            Map<YearMonth, Integer> byMonth = new LinkedHashMap<>();
            int sum = 0;
            for (int i = 0; i < months.size(); i++) {
                int n = Integer.parseInt(row[i + 1]);
                byMonth.put(months.get(i), n);
                sum += n;
            }
            if (sum != Integer.parseInt(row[row.length - 1])) {
                throw new IllegalArgumentException("row " + row[0] + " does not add up to its total");
            }
            if (row[0].equals("TOTAL")) {
                published = byMonth;
            } else {
                counts.put(row[0], byMonth);
            }
        }
        for (YearMonth month : months) {
            int column = counts.values().stream().mapToInt(m -> m.get(month)).sum();
            if (column != published.getOrDefault(month, -1)) {
                throw new IllegalArgumentException("month " + month + " does not add up to its TOTAL");
            }
        }
        return new PublishedBreachTable(List.copyOf(months), counts);
    }

    /** The count of a row over every month. */
    public int total(String row) {
        return counts.get(row).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int grandTotal() {
        return counts.keySet().stream().mapToInt(this::total).sum();
    }
}
