package org.caseclock.catalogue.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One owner for the catalogue and organisation keys: bound here, read by every service as beans. */
@ExtendWith(OutputCaptureExtension.class)
class CatalogueAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CatalogueAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void theOverridesUnderCaseclockCatalogueOverrides_areMergedOverTheDefaults() throws Exception {
        // Given an overrides file setting CIN4's target to 90% (the default is 95%)
        Path overrides = Files.writeString(dir.resolve("overrides.yaml"), "CIN4:\n  target: 0.9\n");

        // When a service starts with it under the catalogue's key
        context.withPropertyValues("caseclock.catalogue.overrides=" + overrides).run(ctx -> {
            // Then its one Catalogue bean has the authority's target, and the other codes their defaults
            Catalogue catalogue = ctx.getBean(Catalogue.class);
            assertThat(catalogue.get("CIN4").target()).isEqualTo(0.9);
            assertThat(catalogue.get("CP13").target()).isEqualTo(Catalogue.defaults().get("CP13").target());
        });
    }

    @Test
    void theEnginesOldKey_stillWorksForOneRelease_withAWarningNamingTheNewOne(CapturedOutput output) throws Exception {
        // Given the same file under the engine's pre-0.2 key only
        Path overrides = Files.writeString(dir.resolve("overrides.yaml"), "CIN4:\n  target: 0.9\n");

        // When a service starts
        context.withPropertyValues("caseclock.engine.catalogue-overrides=" + overrides).run(ctx -> {
            // Then the overrides apply, and the log says which key to use instead
            assertThat(ctx.getBean(Catalogue.class).get("CIN4").target()).isEqualTo(0.9);
            assertThat(output).contains("caseclock.engine.catalogue-overrides is deprecated")
                    .contains("caseclock.catalogue.overrides");
        });
    }

    @Test
    void bothKeysSet_theNewOneWins_andTheOldOneIsSaidToBeIgnored(CapturedOutput output) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.yaml"), "CIN4:\n  target: 0.9\n");
        Path old = Files.writeString(dir.resolve("old.yaml"), "CIN4:\n  target: 0.5\n");

        context.withPropertyValues("caseclock.catalogue.overrides=" + mine, "caseclock.engine.catalogue-overrides=" + old)
                .run(ctx -> {
                    assertThat(ctx.getBean(Catalogue.class).get("CIN4").target()).isEqualTo(0.9);
                    assertThat(output).contains("is deprecated and ignored");
                });
    }

    @Test
    void theOrganisation_teamsToServicesAndChildPopulations_isBoundOnce() {
        // Given two teams of the families service, and populations for the LA and one team
        context.withPropertyValues("caseclock.organisation.teams.FAM-1=FAM", "caseclock.organisation.teams.FAM-2=FAM",
                        "caseclock.organisation.child-populations.LA=61000",
                        "caseclock.organisation.child-populations.[team/FAM-1]=5000")
                .run(ctx -> {
                    // Then the one Organisation bean rolls teams up and knows the populations by scope
                    Organisation org = ctx.getBean(Organisation.class);
                    assertThat(org.scopesOf("FAM-2")).containsExactly("team/FAM-2", "service/FAM", "LA");
                    assertThat(org.scopesOf("NEW-9")).containsExactly("team/NEW-9", "service/UNASSIGNED", "LA");
                    assertThat(org.childPopulation("LA")).isEqualTo(61000L);
                    assertThat(org.childPopulation("team/FAM-1")).isEqualTo(5000L);
                    assertThat(org.childPopulation("service/FAM")).isNull();
                });
    }

    @Test
    void aServiceThatDeclaresItsOwnCatalogue_keepsIt() {
        Catalogue own = Catalogue.defaults();
        context.withBean(Catalogue.class, () -> own)
                .run(ctx -> assertThat(ctx.getBean(Catalogue.class)).isSameAs(own));
    }
}
