package uk.gov.em.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time each part of a local stack has used so far, read from the operating system's process table
 * ({@link ProcessHandle}): the parts are told apart by their command lines, as {@code deploy/local/run} starts them.
 * Two readings give how many cores each part used in between, which says where a benchmark's machine went.
 */
final class StackCpu {

    /** The parts, in the order they are reported; the first whose marker the command line contains wins. */
    private static final List<Map.Entry<String, String>> PARTS = List.of(
            Map.entry("supplier-gateway", "supplier-gateway"),
            Map.entry("breach-streams", "breach-streams"),
            Map.entry("hub-service", "hub-service"),
            // the stack's JVM by an option deploy/local/run gives it before its long class path: the JDK may cut a
            // long command line short, and the class path names the PostgreSQL jars
            Map.entry("Kafka broker (the stack's own JVM)", "-Dem.repo="),
            Map.entry("PostgreSQL (all its processes)", "postgres"));
    private static final String THIS_JVM = "load generator and observers (this JVM)";

    private final Map<String, Duration> used;
    private final long atNanos;

    private StackCpu(Map<String, Duration> used, long atNanos) {
        this.used = used;
        this.atNanos = atNanos;
    }

    static StackCpu now() {
        Map<String, Duration> used = new LinkedHashMap<>();
        PARTS.forEach(part -> used.put(part.getKey(), Duration.ZERO));
        used.put(THIS_JVM, Duration.ZERO);
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            Optional<String> part = process.pid() == self ? Optional.of(THIS_JVM) : partOf(info.commandLine().orElse(""));
            part.ifPresent(name -> info.totalCpuDuration().ifPresent(cpu -> used.merge(name, cpu, Duration::plus)));
        });
        return new StackCpu(used, System.nanoTime());
    }

    private static Optional<String> partOf(String commandLine) {
        return PARTS.stream().filter(part -> commandLine.contains(part.getValue())).map(Map.Entry::getKey).findFirst();
    }

    /** Cores each part used on average from {@code before} to this reading, as one line of the report. */
    String coresSince(StackCpu before) {
        double seconds = (atNanos - before.atNanos) / 1e9;
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Duration> part : used.entrySet()) {
            double cores = part.getValue().minus(before.used.get(part.getKey())).toNanos() / 1e9 / seconds;
            total += cores;
            line.append(String.format("%s %.2f; ", part.getKey(), cores));
        }
        return line.append(String.format("in all %.2f of %d cores", total, Runtime.getRuntime().availableProcessors()))
                .toString();
    }
}
