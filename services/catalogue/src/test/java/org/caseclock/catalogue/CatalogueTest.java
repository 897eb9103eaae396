package org.caseclock.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseclock.catalogue.time.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue is data: every code of INDICATORS.md, overridable per authority, checked at start-up. */
class CatalogueTest {

    @Test
    void theDefaultCatalogueHasEveryCodeOfTheSpecification() {
        assertThat(Catalogue.defaults().all()).extracting(Indicator::code).containsExactlyInAnyOrder(
                "FD1", "FD7", "FD8", "AMT2", "AMT3", "AMT4", "CIN4", "CIN5", "CIN8", "CP5", "CP12", "CP13", "CP14",
                "MC1", "MC6", "MC13", "MC15", "CLA10", "CLA11", "CLA13", "CLA14", "CLA15", "CLA16", "CLA18", "CLA28",
                "CL1", "F3", "F4", "QA1", "QA6", "QA7", "QA8", "W1", "W2", "N1", "N2", "N3", "N4",
                // v1.1
                "EH1", "EH8", "EH9", "CP6", "CP15", "CLA1", "CLA2", "CLA19", "CLA27", "CL2", "CL3", "CL4", "A1", "A2",
                "R1", "R2", "R3", "W3", "AMT5");
    }

    @Test
    void anAuthorityOverridesTimescalesAndTargetsWithoutCode(@TempDir Path dir) throws IOException {
        Path overrides = dir.resolve("overrides.yaml");
        Files.writeString(overrides, "CIN4:\n  intervals: [20D]\n  target: 0.9\nMC6:\n  timescale: 48h\n");
        Catalogue c = Catalogue.load(overrides);
        assertThat(c.get("CIN4").intervals()).containsExactly(Span.parse("20D"));
        assertThat(c.get("CIN4").target()).isEqualTo(0.9);
        assertThat(c.get("MC6").timescale()).isEqualTo(Span.parse("48h"));
        assertThat(c.get("CIN5").intervals()).containsExactly(Span.parse("3M"));
    }

    @Test
    void aRateMustBeBuiltOnACountOfTheCatalogue() {
        assertThatThrownBy(() -> Catalogue.fromYaml("indicators:\n  - {code: R9, name: x, kind: RATE, rateOf: N9}\n"))
                .hasMessageContaining("R9: rateOf (a COUNT of this catalogue) is required");
    }

    @Test
    void comparatorsAreConfiguredPerCodeAndKeptAsWritten(@TempDir Path dir) throws IOException {
        Path overrides = dir.resolve("overrides.yaml");
        Files.writeString(overrides, "CIN4:\n  comparators: {national: 0.77, statisticalNeighbours: 0.81, period: \"2024-25\"}\n");

        Indicator cin4 = Catalogue.load(overrides).get("CIN4");

        assertThat(cin4.comparators()).containsEntry("national", 0.77).containsEntry("statisticalNeighbours", 0.81)
                .containsEntry("period", "2024-25");
        assertThat(Catalogue.defaults().get("CIN4").comparators()).isNull();
    }

    @Test
    void anUnknownFieldFailsNamingTheCode() {
        assertThatThrownBy(() -> Catalogue.fromYaml("indicators:\n  - {code: X1, name: x, kind: COUNT, measure: CASELOAD, colour: red}\n"))
                .hasMessageContaining("X1").hasMessageContaining("colour");
    }

    @Test
    void aMissingRequiredFieldFailsNamingTheCodeAndField() {
        assertThatThrownBy(() -> Catalogue.fromYaml("indicators:\n  - {code: X2, name: x, kind: RECURRING, population: CIN_PLAN}\n"))
                .hasMessageContaining("X2: activity.type is required");
    }

    @Test
    void aBadTimescaleFailsNamingIt() {
        assertThatThrownBy(() -> Catalogue.fromYaml("indicators:\n  - {code: X3, name: x, kind: MILESTONE, timescale: 3 weeks}\n"))
                .hasMessageContaining("X3").hasMessageContaining("3 weeks");
    }

    @Test
    void overridesNamingAnUnknownCodeFail(@TempDir Path dir) throws IOException {
        Path overrides = dir.resolve("o.yaml");
        Files.writeString(overrides, "CIN99:\n  target: 0.9\n");
        assertThatThrownBy(() -> Catalogue.load(overrides)).hasMessageContaining("CIN99");
    }

    @Test
    void toleranceIsTenPointsForSharesAndTenPercentForNumbers() {
        Catalogue c = Catalogue.defaults();
        assertThat(c.get("CIN4").effectiveTolerance()).isEqualTo(0.10);
        assertThat(c.get("W1").effectiveTolerance()).isEqualTo(1.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(List.of(c.get("W2").target())).containsExactly(0.0);
    }
}
