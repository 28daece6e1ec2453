package uk.gov.em.deploy;

import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.infra.FreePorts;

import java.nio.file.Path;
import java.util.UUID;

/**
 * How the deploy tests start the three services: from the jars the build packaged (failsafe passes their
 * paths as {@code em.jar.*}), on free ports, with their state and logs under {@code work}.
 */
final class TestStacks {

    private TestStacks() {
    }

    static ServiceStack.Settings settings(Path work, String kafkaBootstrap, String jdbcUrl, String jdbcUser,
                                          String jdbcPassword, String supplierSecrets, String hubUsers,
                                          int hubInstances, int streamsInstances) {
        return new ServiceStack.Settings(jar("gateway"), jar("streams"), jar("hub"),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                kafkaBootstrap, jdbcUrl, jdbcUser, jdbcPassword, null, supplierSecrets, hubUsers,
                "test-jwt-secret-" + UUID.randomUUID(), work.resolve("streams-state"), work.resolve("logs"),
                hubInstances, streamsInstances);
    }

    private static Path jar(String service) {
        return Path.of(System.getProperty("em.jar." + service));
    }
}
