package uk.gov.em.streams.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.policy.domain.Policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's own settings ({@code em.streams.*}, filled from the environment by application.yml).
 *
 * @param applicationId Kafka Streams {@code application.id}: the consumer group and the prefix of internal
 *                      topics ({@code STREAMS_APPLICATION_ID}, default {@code em-breach-streams})
 * @param stateDir      where local state stores live ({@code EM_STREAMS_STATE_DIR}; default
 *                      {@code <java.io.tmpdir>/em-breach-streams})
 * @param policyFile    a policy YAML file to use instead of the one in the jar ({@code EM_POLICY_FILE})
 * @param stateWriteInterval how often people's changed states are written behind ({@code EM_STATE_WRITE_INTERVAL},
 *                      default 1 s; 0 writes every change at once: ADR 0010)
 */
@ConfigurationProperties("em.streams")
public record StreamsProperties(String applicationId, @Nullable String stateDir, @Nullable String policyFile,
                                @Nullable Duration stateWriteInterval) {

    public Path stateDirectory() {
        return stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "em-breach-streams")
                : Path.of(stateDir);
    }

    /** The policy's settings, with the state write interval this service was given. */
    public PolicySettings settings(Policy policy) {
        PolicySettings settings = PolicySettings.of(policy);
        return stateWriteInterval == null ? settings : settings.withStateWriteInterval(stateWriteInterval);
    }

    public Optional<String> policyFileName() {
        return Optional.ofNullable(policyFile).filter(f -> !f.isBlank());
    }
}
