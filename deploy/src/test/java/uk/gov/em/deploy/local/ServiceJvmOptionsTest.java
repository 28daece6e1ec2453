package uk.gov.em.deploy.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmOptionsTest {

    @Test
    void withoutSettingsAServiceStartsSmallAndQuickWithTheC1CompilerOnly() {
        assertThat(ServiceProcess.jvmOptions(Map.of()))
                .contains("-Xmx512m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theOptionsSetInTheEnvironmentReplaceTheDefaultsWhole() {
        assertThat(ServiceProcess.jvmOptions(Map.of("EM_SERVICE_JVM_OPTS", "  -XX:+UseSerialGC   -Xmx1g ")))
                .containsExactly("-XX:+UseSerialGC", "-Xmx1g");
    }

    @Test
    void blankSettingsAreNoSettings() {
        assertThat(ServiceProcess.jvmOptions(Map.of("EM_SERVICE_JVM_OPTS", "   ")))
                .isEqualTo(ServiceProcess.jvmOptions(Map.of()));
    }
}
