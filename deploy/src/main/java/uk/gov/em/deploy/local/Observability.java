package uk.gov.em.deploy.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code EM_OBSERVE=1 deploy/local/run} adds: a Prometheus scraping the three services' {@code /prometheus}
 * with the product's alert rules, and a Grafana showing the product's dashboards — each only if its binary is
 * on this machine ({@code prometheus}; {@code grafana} or {@code grafana-server}). Neither is a prerequisite:
 * without them the configuration is still written and the stack says how to point an existing Prometheus at
 * it. The rules and dashboards are the cluster's own (deploy/k8s/monitoring), not a copy.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final List<Process> processes;
    private final List<String> summary;

    private Observability(List<Process> processes, List<String> summary) {
        this.processes = processes;
        this.summary = summary;
    }

    /**
     * Writes the Prometheus configuration and rules under {@code data/observe} and starts whichever of
     * Prometheus and Grafana is installed. Ports: {@code EM_PROMETHEUS_PORT} (9090), {@code EM_GRAFANA_PORT} (3000).
     */
    public static Observability start(Path repo, Path data, Map<String, String> env, ServiceStack services) throws IOException {
        Path dir = Files.createDirectories(data.resolve("observe"));
        Path monitoring = repo.resolve("deploy/k8s/monitoring");
        Map<String, String> targets = new LinkedHashMap<>();
        for (String service : List.of("supplier-gateway", "breach-streams", "hub-service")) {
            targets.put(service, services.service(service).baseUrl().replaceFirst("^https?://", ""));
        }
        Files.writeString(dir.resolve("rules.yml"), rulesFrom(Files.readString(monitoring.resolve("prometheus-rules.yaml"))));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, prometheusConfig(targets, dir.resolve("rules.yml")));

        int prometheusPort = Integer.parseInt(env.getOrDefault("EM_PROMETHEUS_PORT", "9090"));
        int grafanaPort = Integer.parseInt(env.getOrDefault("EM_GRAFANA_PORT", "3000"));
        Path logs = Files.createDirectories(data.resolve("logs"));
        List<Process> started = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        String prometheusUrl = env.getOrDefault("EM_PROMETHEUS_URL", "http://127.0.0.1:" + prometheusPort);

        Optional<Path> prometheus = onPath(env, "prometheus");
        if (prometheus.isPresent()) {
            started.add(run(List.of(prometheus.get().toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort), Map.of(), logs.resolve("prometheus.log")));
            summary.add("prometheus=" + prometheusUrl);
        } else {
            summary.add("no prometheus on PATH: point yours at " + targets.values().stream()
                    .map(t -> "http://" + t + "/prometheus").collect(Collectors.joining(" ")) + " (scrape config and"
                    + " rules written to " + dir + "; e.g. prometheus --config.file=" + config + ")");
        }

        Optional<Path> grafana = onPath(env, "grafana").or(() -> onPath(env, "grafana-server"));
        if (grafana.isPresent()) {
            Map<String, String> grafanaEnv = Map.of(
                    "GF_PATHS_PROVISIONING", monitoring.resolve("grafana/provisioning").toString(),
                    "GF_PATHS_DATA", dir.resolve("grafana-data").toString(),
                    "GF_PATHS_LOGS", logs.toString(),
                    "GF_SERVER_HTTP_ADDR", "127.0.0.1",
                    "GF_SERVER_HTTP_PORT", Integer.toString(grafanaPort),
                    "GF_AUTH_ANONYMOUS_ENABLED", "true",
                    "EM_PROMETHEUS_URL", prometheusUrl,
                    "EM_DASHBOARDS_DIR", monitoring.resolve("dashboards").toString());
            List<String> command = new ArrayList<>(List.of(grafana.get().toString()));
            if (grafana.get().getFileName().toString().equals("grafana")) {
                command.add("server");
            }
            command.add("--homepath=" + env.getOrDefault("EM_GRAFANA_HOME", "/usr/share/grafana"));
            started.add(run(command, grafanaEnv, logs.resolve("grafana.log")));
            summary.add("grafana=http://127.0.0.1:" + grafanaPort);
        } else {
            summary.add("no grafana on PATH: import the dashboards in " + monitoring.resolve("dashboards")
                    + " (datasource uid 'prometheus') or provision them from " + monitoring.resolve("grafana/provisioning"));
        }
        return new Observability(started, summary);
    }

    /** A Prometheus configuration scraping each service's {@code /prometheus}, labelled {@code service=<name>}. */
    static String prometheusConfig(Map<String, String> targets, Path rules) {
        StringBuilder yaml = new StringBuilder("""
                # Written by deploy/local/run (EM_OBSERVE=1): the three services of the local stack.
                global:
                  scrape_interval: 15s
                  evaluation_interval: 15s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: em-breach
                    metrics_path: /prometheus
                    static_configs:
                """.formatted(rules));
        targets.forEach((service, address) -> yaml.append("""
                      - targets: ["%s"]
                        labels: {service: %s}
                """.formatted(address, service)));
        return yaml.toString();
    }

    /** The rule groups of a PrometheusRule resource as a plain Prometheus rule file: its {@code spec}, dedented. */
    static String rulesFrom(String prometheusRule) {
        List<String> lines = prometheusRule.lines().toList();
        int spec = lines.indexOf("spec:");
        if (spec < 0) {
            throw new IllegalArgumentException("no top-level spec: in the PrometheusRule");
        }
        return lines.subList(spec + 1, lines.size()).stream()
                .map(line -> line.startsWith("  ") ? line.substring(2) : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** What was started, or how to watch the stack without it, for the READY line. */
    public String summary() {
        return String.join(" | ", summary);
    }

    private static Optional<Path> onPath(Map<String, String> env, String binary) {
        return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, binary))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Process run(List<String> command, Map<String, String> env, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            LOG.info("starting {} (log {})", command.getFirst(), log);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
