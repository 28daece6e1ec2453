package uk.gov.em.hub.paging.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    @Test
    void fieldsComeBackExactlyAsTheyWentInWhateverCharactersTheyHold() {
        List<String> fields = List.of("0", "", "id|with:odd;chars\nand ünïcödé", "2022-02-03T10:00:00.123456Z");

        String token = CursorCodec.encode("queue:reviews", fields);

        assertThat(CursorCodec.decode(token, "queue:reviews", 4)).isEqualTo(fields);
    }

    @Test
    void aTokenIsUrlSafeWithoutPadding() {
        String token = CursorCodec.encode("cases", List.of("??>>??", "~~~"));

        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenOfAnotherKindIsRefused() {
        String token = CursorCodec.encode("queue:warnings", List.of("a"));

        assertThatThrownBy(() -> CursorCodec.decode(token, "queue:reviews", 1))
                .isInstanceOf(InvalidParameter.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void aTokenWithTheWrongNumberOfFieldsIsRefused() {
        String token = CursorCodec.encode("cases", List.of("a", "b"));

        assertThatThrownBy(() -> CursorCodec.decode(token, "cases", 3)).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void garbageTruncatedOrExtendedTokensAreRefused() {
        String token = CursorCodec.encode("cases", List.of("2022-02-03T10:00:00Z", "case-1"));
        String extended = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((new String(Base64.getUrlDecoder().decode(token)) + "x").getBytes());

        for (String bad : List.of("", "!!!", "not-a-cursor", token.substring(0, token.length() - 3), extended,
                "a".repeat(5000))) {
            assertThatThrownBy(() -> CursorCodec.decode(bad, "cases", 2))
                    .as(bad)
                    .isInstanceOf(InvalidParameter.class);
        }
    }
}
