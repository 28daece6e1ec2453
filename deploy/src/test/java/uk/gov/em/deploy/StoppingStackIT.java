package uk.gov.em.deploy;

import org.junit.jupiter.api.Test;
import uk.gov.em.deploy.local.ServiceProcess;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.PostgresHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on {@code deploy/local/run} reaches every process of the terminal's process group at once: the services
 * start to exit on their own while the launcher is still stopping the first of them. Those exits are expected, and
 * none of them may be taken for a crash and restarted.
 */
class StoppingStackIT {

    private static final String SUPPLIER = "ems-dev";

    @Test
    void servicesThatExitWhileTheStackIsStoppingAreNotStartedAgain() throws Exception {
        PostgresHarness.Database db = PostgresHarness.freshDatabase("stopping");
        Path work = Files.createTempDirectory("em-stopping-");
        ServiceStack stack = ServiceStack.start(TestStacks.settings(work, KafkaHarness.bootstrapServers(),
                db.jdbcUrl(), db.username(), db.password(), SUPPLIER + "=it-secret-" + UUID.randomUUID(),
                "casey:casey-password:CASEWORKER", 1, 1));
        List<ServiceProcess> services = List.of(stack.service(ServiceStack.HUB), stack.service(ServiceStack.GATEWAY),
                stack.service(ServiceStack.STREAMS));
        List<Long> pids = services.stream().map(ServiceProcess::pid).toList();

        // The hub, first in line, is slow to stop: paused here, it takes its whole grace period before it is killed.
        // Meanwhile the signal has reached the gateway and the stream processor, which exit on their own.
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pids.get(0))).start().waitFor()).isZero();
        ProcessHandle.of(pids.get(1)).ifPresent(ProcessHandle::destroy);
        ProcessHandle.of(pids.get(2)).ifPresent(ProcessHandle::destroy);
        stack.close();

        assertThat(services.stream().map(ServiceProcess::pid).toList()).isEqualTo(pids);
        assertThat(services).allSatisfy(service -> assertThat(service.recoveries()).isEmpty());
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is still running", pid).isFalse());
    }
}
