package uk.gov.em.hub.paging.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void theLimitDefaultsToFiftyAndAcceptsOneToTwoHundred() {
        assertThat(PageLimit.of(null).value()).isEqualTo(50);
        assertThat(PageLimit.of(1).value()).isEqualTo(1);
        assertThat(PageLimit.of(200).value()).isEqualTo(200);
    }

    @Test
    void aLimitOutsideOneToTwoHundredIsRefused() {
        assertThatThrownBy(() -> PageLimit.of(0)).isInstanceOf(InvalidParameter.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> PageLimit.of(201)).isInstanceOf(InvalidParameter.class);
        assertThatThrownBy(() -> PageLimit.of(-5)).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void aLookaheadRowMeansThereIsANextPageStartingAfterTheLastRowKept() {
        Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), new PageLimit(2), row -> "after-" + row);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
    }

    @Test
    void noLookaheadRowMeansThisIsTheLastPage() {
        assertThat(Page.fromLookahead(List.of("a", "b"), new PageLimit(2), row -> "x").nextCursor()).isNull();
        assertThat(Page.fromLookahead(List.<String>of(), new PageLimit(2), row -> "x").items()).isEmpty();
    }
}
