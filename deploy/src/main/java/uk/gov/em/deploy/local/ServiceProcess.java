package uk.gov.em.deploy.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One instance of one of the product's services running as its own JVM from its packaged jar, configured
 * only by environment variables, exactly as it would run on a server. Output goes to a log file.
 *
 * <p>Once {@linkplain #supervise() supervised}, it is kept running as a platform would keep it: when the JVM
 * dies for any reason but {@link #close()} (a crash, {@code kill -9}, running out of memory) the launcher
 * says so on its own output, starts it again after a back-off that doubles while it keeps dying before it
 * is healthy (1 s up to 30 s), and says when it answers {@code /health} again and how long it was away.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(150);
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m",
            "-XX:TieredStopAtLevel=1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One unplanned exit and its recovery.
     *
     * @param exitCode  the dead JVM's exit code (137 after {@code kill -9})
     * @param died      when the launcher saw it exit
     * @param backoff   how long the launcher waited before starting it again
     * @param toHealthy from {@code died} to {@code /health} answering 200 again (the back-off included)
     */
    public record Recovery(int exitCode, Instant died, Duration backoff, Duration toHealthy) {

        /** From the new JVM's start to its {@code /health} answering 200. */
        public Duration startToHealthy() {
            return toHealthy.minus(backoff);
        }
    }

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> env;
    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Process process;
    private boolean stopping;
    private Thread supervisor;

    private ServiceProcess(String name, int port, Path log, List<String> command, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.env = env;
    }

    /** Starts {@code jar} with the same JDK as this JVM, serving HTTP on {@code port}. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": no jar at " + jar + " (build with ./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot create " + logDir, e);
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions(System.getenv()));
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-jar", jar.toString()));
        ServiceProcess service = new ServiceProcess(name, port, logDir.resolve(name + ".log"), command, Map.copyOf(env));
        synchronized (service.lock) {
            service.process = service.launch();
        }
        return service;
    }

    /**
     * The services' heap, collector and compiler options: {@code EM_SERVICE_JVM_OPTS} (options separated by spaces)
     * when set, otherwise a small heap, the serial collector and the C1 compiler only, chosen for a quick start on a
     * laptop; C1 costs CPU under load, so a benchmark sets its own (deploy/bench/end-to-end-latency).
     */
    static List<String> jvmOptions(Map<String, String> env) {
        String configured = env.getOrDefault("EM_SERVICE_JVM_OPTS", "").strip();
        return configured.isEmpty() ? DEFAULT_JVM_OPTIONS : List.of(configured.split("\\s+"));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The process id of the JVM running now (a new one after each restart). */
    public long pid() {
        synchronized (lock) {
            return process.pid();
        }
    }

    /** The unplanned exits seen so far and how long each took to recover, oldest first. */
    public List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    /** Waits until {@code /health} answers 200, failing early (with the log's tail) if the JVM dies. */
    public void awaitHealthy(Duration timeout) {
        Process current;
        synchronized (lock) {
            current = process;
        }
        boolean healthy;
        try {
            healthy = waitForHealth(current, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        if (!healthy) {
            String why = current.isAlive() ? " was not healthy within " + timeout : " exited with " + current.exitValue();
            throw new IllegalStateException(name + why + "; last lines of " + log + ":\n" + tail(40));
        }
    }

    /** From now on, an unplanned exit is reported and followed by a restart (see the class comment). */
    public void supervise() {
        synchronized (lock) {
            if (supervisor == null && !stopping) {
                supervisor = Thread.ofPlatform().name("supervise-" + name).daemon().start(this::superviseLoop);
            }
        }
    }

    /** Kills the JVM at once ({@code SIGKILL}, as {@code kill -9}); a supervised service then restarts. */
    public void kill() {
        synchronized (lock) {
            process.destroyForcibly();
        }
    }

    /** From now on the JVM's exit is expected: it is not restarted (the first step of {@link #close()}). */
    public void expectExit() {
        synchronized (lock) {
            stopping = true;
        }
    }

    /** Asks the JVM to stop (SIGTERM), then forces it and anything it started if it has not within 20 s. */
    @Override
    public void close() {
        Process current;
        Thread watcher;
        synchronized (lock) {
            stopping = true;
            current = process;
            watcher = supervisor;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        try {
            if (!current.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private void superviseLoop() {
        try {
            Process current;
            synchronized (lock) {
                current = process;
            }
            Instant healthySince = Instant.now();
            while (true) {
                int exitCode = current.waitFor();
                Instant died = Instant.now();
                if (isStopping()) {
                    return;
                }
                Duration delay = backoff.afterExit(Duration.between(healthySince, died));
                LOG.warn("{} (pid {}) died with exit code {}{}; restarting it in {} s", name, current.pid(), exitCode,
                        exitCode == 137 ? " (killed)" : "", delay.toMillis() / 1000.0);
                Thread.sleep(delay);
                Duration waited = delay;
                while (true) {
                    synchronized (lock) {
                        if (stopping) {
                            return;
                        }
                        process = launch();
                        current = process;
                    }
                    if (waitForHealth(current, RESTART_TIMEOUT)) {
                        break;
                    }
                    Duration again = backoff.afterExit(Duration.ZERO);
                    LOG.warn("{} did not come back healthy (exit {}); trying again in {} s", name,
                            current.isAlive() ? "none yet" : current.exitValue(), again.toMillis() / 1000.0);
                    current.destroyForcibly().waitFor();
                    Thread.sleep(again);
                    waited = waited.plus(again);
                }
                healthySince = Instant.now();
                Duration away = Duration.between(died, healthySince);
                recoveries.add(new Recovery(exitCode, died, waited, away));
                LOG.warn("{} is healthy again (pid {}), {} s after it died", name, current.pid(), away.toMillis() / 1000.0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    private Process launch() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start", e);
        }
    }

    /** True once {@code /health} answers 200; false if the JVM dies first or the time runs out. */
    private boolean waitForHealth(Process current, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline) && current.isAlive()) {
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return current.isAlive();
                }
            } catch (IOException e) {
                // not listening yet: the service is still starting
            }
            current.waitFor(250, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
