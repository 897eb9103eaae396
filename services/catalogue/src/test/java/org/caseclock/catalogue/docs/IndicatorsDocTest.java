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
