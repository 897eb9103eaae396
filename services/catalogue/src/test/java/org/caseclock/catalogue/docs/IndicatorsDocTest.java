package org.caseclock.catalogue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.junit.jupiter.api.Test;

/** docs/indicators.md is generated from catalogue.yaml, so the reference cannot drift from the code. */
class IndicatorsDocTest {

    @Test
    void docsIndicatorsMdIsExactlyWhatTheCatalogueGenerates() throws IOException {
        // Given the default catalogue and the committed reference
        Path doc = IndicatorsDoc.repositoryRoot().resolve(IndicatorsDoc.DOC);
        String generated = IndicatorsDoc.generate(Catalogue.defaults());

        // -Dcaseclock.docs.write=true is the regeneration (IndicatorsDoc.REGENERATE): write, do not compare
        if (Boolean.getBoolean("caseclock.docs.write")) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
        }

        // When it is read back, Then it is what the catalogue generates, to the character
        String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .withFailMessage("%s is not what catalogue.yaml generates (first difference on line %d). Do not edit it"
                                + " by hand: change catalogue.yaml or src/test/resources/docs/indicators.template.md"
                                + " in services/catalogue, then regenerate it with%n  %s",
                        IndicatorsDoc.DOC, firstDifferentLine(committed, generated), IndicatorsDoc.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void everyCodeOfTheCatalogueHasItsOwnRow() {
        // Given the default catalogue
        Catalogue catalogue = Catalogue.defaults();

        // When the reference is generated
        String doc = IndicatorsDoc.generate(catalogue);

        // Then each code is a table row with its name, and no placeholder is left
        for (Indicator i : catalogue.all()) {
            assertThat(doc).contains("| " + i.code() + " | " + i.name() + " | " + i.kind() + " |");
        }
        assertThat(doc).doesNotContain("{{");
    }

    @Test
    void aWave2CodeIsListedAsNotImplementedUntilTheCatalogueHasIt() {
        // Given the default catalogue, without CP6, and one where CP6 has been added (its closing
        // event, CoreGroupHeld, is not an event type yet; any type does for where CP6 is listed)
        String withCp6 = """
                indicators:
                  - code: CP6
                    name: First core group within 10 working days of ICPC
                    group: cin-cp
                    kind: MILESTONE
                    opens: { type: InitialConferenceHeld, key: conferenceId }
                    closes: { type: StrategyDiscussionHeld }
                    timescale: 10WD
                    reference: OPENED
                """;

        // When each is generated
        String before = IndicatorsDoc.generate(Catalogue.defaults());
        String after = IndicatorsDoc.generate(Catalogue.fromYaml(withCp6));

        // Then CP6 moves from the "not implemented yet" list to the catalogue's tables
        String notImplementedRow = "| CP6 | First core group within 10 working days of ICPC | MILESTONE |\n";
        assertThat(notImplemented(before)).contains(notImplementedRow);
        assertThat(notImplemented(after)).doesNotContain("| CP6 |");
        assertThat(after).contains("| CP6 | First core group within 10 working days of ICPC | MILESTONE | each InitialConferenceHeld");
    }

    @Test
    void theKindsTheCatalogueCannotExpressAreNamedFromTheContract() {
        // Given the catalogue's kinds (RECURRING, MILESTONE, RATIO, COUNT) and the contract's wave 2

        // When the reference is generated
        String doc = IndicatorsDoc.generate(Catalogue.defaults());

        // Then the wave 2 kinds it lacks are named
        assertThat(doc).contains("the rule kinds SHARE, AVERAGE, RATE");
    }

    private static String notImplemented(String doc) {
        return doc.substring(doc.indexOf("## Not implemented yet"));
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }
}
