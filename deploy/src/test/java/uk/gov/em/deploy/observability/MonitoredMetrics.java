package uk.gov.em.deploy.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the Grafana dashboards and the Prometheus alert rules query, each with where it is used,
 * read from the PromQL of every dashboard panel and every alert expression; and the names a service's
 * {@code /prometheus} page exports. A dashboard or an alert on a metric that no service exports shows
 * nothing and never fires, silently — WholeStackIT compares the two.
 */
public final class MonitoredMetrics {

    /** Series Prometheus makes itself for every target, not exported by a service. */
    public static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoredMetrics() {
    }

    /** The metric names one PromQL expression selects. */
    public static Set<String> names(String promql) {
        String bare = STRING.matcher(promql).replaceAll("\"\"");
        bare = SELECTOR.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = LABEL_LIST.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Every metric the dashboards ({@code dashboards/*.json}) and the alert rules ({@code prometheus-rules.yaml})
     * under {@code monitoring} use, mapped to the panels and alerts that use it.
     */
    public static Map<String, Set<String>> usedIn(Path monitoring) {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> dashboards = Files.list(monitoring.resolve("dashboards"))) {
            for (Path file : dashboards.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String where = dashboard.path("title").asText() + " / " + panel.path("title").asText();
                        names(target.path("expr").asText()).forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
                    }
                }
            }
            JsonNode rules = YAML.readTree(monitoring.resolve("prometheus-rules.yaml").toFile());
            for (JsonNode group : rules.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String where = "alert " + rule.path("alert").asText(rule.path("record").asText());
                    names(rule.path("expr").asText()).forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    /** The metric names on a {@code /prometheus} page (text exposition format). */
    public static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }
}
