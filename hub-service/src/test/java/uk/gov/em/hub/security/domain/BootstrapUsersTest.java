package uk.gov.em.hub.security.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapUsersTest {

    @Test
    void readsTheDevelopmentUsers() {
        var users = BootstrapUsers.parse("caseworker:caseworker:CASEWORKER;senior:senior:SENIOR_CASEWORKER|CASEWORKER;ops:ops:OPS");

        assertThat(users).extracting(BootstrapUser::username).containsExactly("caseworker", "senior", "ops");
        assertThat(users.get(1).password()).isEqualTo("senior");
        assertThat(users.get(1).roles()).isEqualTo(Set.of("SENIOR_CASEWORKER", "CASEWORKER"));
    }

    @Test
    void nothingConfiguredMeansNoUsers() {
        assertThat(BootstrapUsers.parse("")).isEmpty();
        assertThat(BootstrapUsers.parse(null)).isEmpty();
        assertThat(BootstrapUsers.parse(" ; ")).isEmpty();
    }

    @Test
    void aPasswordMayContainColons() {
        assertThat(BootstrapUsers.parse("admin:pa:ss:word:ADMIN").getFirst().password()).isEqualTo("pa:ss:word");
    }

    @Test
    void anUnknownRoleIsRefusedWithoutPrintingThePassword() {
        assertThatThrownBy(() -> BootstrapUsers.parse("eve:s3cret:SUPERUSER"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUPERUSER")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aMalformedEntryIsRefusedWithoutPrintingIt() {
        assertThatThrownBy(() -> BootstrapUsers.parse("ok:ok:OPS;justapassword"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("justapassword");
        assertThatThrownBy(() -> BootstrapUsers.parse("bob::OPS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapUsers.parse("bob:pw:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserNamedTwiceIsRefused() {
        assertThatThrownBy(() -> BootstrapUsers.parse("a:1:OPS;a:2:ADMIN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserNeverPrintsItsPassword() {
        assertThat(BootstrapUsers.parse("a:hunter2:OPS").getFirst().toString()).doesNotContain("hunter2");
    }
}
