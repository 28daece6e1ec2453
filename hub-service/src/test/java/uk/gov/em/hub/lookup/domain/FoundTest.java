package uk.gov.em.hub.lookup.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FoundTest {

    private static final Found.NotificationMatch FROM_ONE = new Found.NotificationMatch("ems-one", "N-1", "S-1", "STRAP_TAMPER");
    private static final Found.NotificationMatch FROM_TWO = new Found.NotificationMatch("ems-two", "N-1", "S-2", "STRAP_TAMPER");

    @Test
    void anIdThatIsOnlyACaseGoesToTheCase() {
        assertThat(Found.of(Optional.of(new Found.CaseMatch("C-1", "S-1")), false, "C-1", List.of()))
                .isEqualTo(new Found.OneCase("C-1"));
    }

    @Test
    void anIdThatIsOnlyAPersonGoesToTheirTimeline() {
        assertThat(Found.of(Optional.empty(), true, "S-1", List.of())).isEqualTo(new Found.OnePerson("S-1"));
    }

    @Test
    void anIdThatIsOneNotificationGoesToItsPersonsTimeline() {
        assertThat(Found.of(Optional.empty(), false, "N-1", List.of(FROM_ONE))).isEqualTo(new Found.OnePerson("S-1"));
    }

    @Test
    void aNotificationIdTwoSuppliersUsedListsBothNotifications() {
        assertThat(Found.of(Optional.empty(), false, "N-1", List.of(FROM_ONE, FROM_TWO)))
                .isEqualTo(new Found.Several(List.of(FROM_ONE, FROM_TWO)));
    }

    @Test
    void anIdThatIsBothACaseAndAPersonListsTheCaseFirst() {
        assertThat(Found.of(Optional.of(new Found.CaseMatch("X", "S-9")), true, "X", List.of()))
                .isEqualTo(new Found.Several(List.of(new Found.CaseMatch("X", "S-9"), new Found.PersonMatch("X"))));
    }

    @Test
    void anIdThatNamesNothingFindsNothing() {
        assertThat(Found.of(Optional.empty(), false, "nothing", List.of())).isEqualTo(new Found.Nothing());
    }
}
