package uk.gov.em.deploy;

import org.junit.jupiter.api.Test;
import uk.gov.em.deploy.local.LocalStack;
import uk.gov.em.infra.FreePorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/local/run} when a service cannot start: it says which and why, stops what it had started (the
 * other services, Kafka, PostgreSQL) and ends, rather than waiting forever with no stack to show.
 */
class FailedStartIT {

    @Test
    void aServiceThatCannotStartEndsTheLauncherWhichStopsEverythingItStarted() throws Exception {
        Path data = Files.createTempDirectory("em-failed-start-");
        Path repo = Path.of(System.getProperty("em.jar.gateway")).toAbsolutePath().getParent().getParent().getParent();
        int kafkaPort = FreePorts.pick();
        int postgresPort = FreePorts.pick();
        int hubPort = FreePorts.pick();
        int gatewayPort = FreePorts.pick();
        try (ServerSocket taken = new ServerSocket(0)) {
            ProcessBuilder launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dem.repo=" + repo, LocalStack.class.getName())
                    .redirectErrorStream(true).redirectOutput(data.resolve("launcher.out").toFile());
            launcher.environment().putAll(Map.of("EM_DATA_DIR", data.toString(), "EM_SIMULATE", "0",
                    "EM_HUB_PORT", Integer.toString(hubPort), "EM_GATEWAY_PORT", Integer.toString(gatewayPort),
                    // the stream processor's port is already someone else's
                    "EM_STREAMS_PORT", Integer.toString(taken.getLocalPort()),
                    "EM_KAFKA_PORT", Integer.toString(kafkaPort),
                    "EM_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.pick()),
                    "EM_POSTGRES_PORT", Integer.toString(postgresPort)));
            Process process = launcher.start();

            boolean ended = process.waitFor(4, TimeUnit.MINUTES);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(data.resolve("launcher.out"));
            assertThat(ended).as("the launcher ended; its output:%n%s", output).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output).contains("the local stack could not start: breach-streams exited with 1")
                    .doesNotContain("READY");
        }
        assertThat(List.of(kafkaPort, postgresPort, hubPort, gatewayPort))
                .allSatisfy(port -> assertThat(nobodyListensOn(port)).as("port %d is free again", port).isTrue());
    }

    private static boolean nobodyListensOn(int port) {
        try (ServerSocket probe = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
