package uk.gov.em.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdinalsTest {

    @Test
    void ordinalsReadAsEnglish() {
        assertThat(Ordinals.inFigures(1)).isEqualTo("1st");
        assertThat(Ordinals.inFigures(2)).isEqualTo("2nd");
        assertThat(Ordinals.inFigures(3)).isEqualTo("3rd");
        assertThat(Ordinals.inFigures(4)).isEqualTo("4th");
        assertThat(Ordinals.inFigures(11)).isEqualTo("11th");
        assertThat(Ordinals.inFigures(12)).isEqualTo("12th");
        assertThat(Ordinals.inFigures(22)).isEqualTo("22nd");
        assertThat(Ordinals.inFigures(113)).isEqualTo("113th");
    }
}
