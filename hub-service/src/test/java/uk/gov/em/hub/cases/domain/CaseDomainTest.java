package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseDomainTest {

    private static final Instant T = Instant.parse("2022-02-03T10:00:00Z");

    @Test
    void theListingPutsTheNewestRaisedFirstAndTheGreaterIdFirstOnATie() {
        NewestFirstKey old = new NewestFirstKey(T.minusSeconds(1), "z");
        NewestFirstKey newA = new NewestFirstKey(T, "a");
        NewestFirstKey newB = new NewestFirstKey(T, "b");
        List<NewestFirstKey> keys = new ArrayList<>(List.of(old, newA, newB));

        keys.sort(NewestFirstKey.ORDER);

        assertThat(keys).containsExactly(newB, newA, old);
    }

    @Test
    void aListingCursorReturnsTheKeyItWasMadeFrom() {
        NewestFirstKey key = new NewestFirstKey(Instant.parse("2022-02-03T10:00:00.000001Z"), "case-ü");

        assertThat(NewestFirstKey.fromCursor(key.toCursor())).isEqualTo(key);
    }

    @Test
    void statusWordsAreReadWhateverTheirCase() {
        assertThat(CaseStatus.fromParameter("open")).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.fromParameter("WITHDRAWN")).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(CaseStatus.fromParameter("Closed")).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void anUnknownStatusWordIsRefused() {
        assertThatThrownBy(() -> CaseStatus.fromParameter("pending"))
                .isInstanceOf(InvalidParameter.class)
                .hasMessageContaining("status must be one of open, withdrawn, closed");
    }

    @Test
    void everyStageOfWorkIsFiledInTheOpenLane() {
        assertThat(CaseStatus.WARNING_SENT.lane()).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.MITIGATION_RECEIVED.lane()).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.CLOSED.lane()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> CaseStatus.fromParameter("warning_sent")).isInstanceOf(InvalidParameter.class);
    }
}
