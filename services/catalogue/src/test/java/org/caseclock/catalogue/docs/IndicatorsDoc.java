package org.caseclock.catalogue.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Definition;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Indicator.CaseType;
import org.caseclock.catalogue.Indicator.Population;
import org.caseclock.catalogue.time.Span;

/**
 * Writes docs/indicators.md: the fixed prose of indicators.template.md around tables generated
 * from the default catalogue, so the reference says what the engine computes and cannot drift
 * from it ({@link IndicatorsDocTest} fails when the file differs).
 */
public final class IndicatorsDoc {

    public static final String REGENERATE = "./mvnw -q -pl services/catalogue -am verify -Dtest=IndicatorsDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcaseclock.docs.write=true";

    /** The file, relative to the repository root. */
    public static final String DOC = "docs/indicators.md";

    /** Headings for the catalogue's groups; a group not named here is headed by its id. */
    private static final Map<String, String> GROUP_TITLES = Map.ofEntries(
            Map.entry("early-help", "Early help"),
            Map.entry("front-door", "Front door"),
            Map.entry("assessment", "Assessment"),
            Map.entry("cin-cp", "Children in need and child protection"),
            Map.entry("missing", "Missing"),
            Map.entry("children-in-care", "Children in care"),
            Map.entry("fostering", "Fostering"),
            Map.entry("care-leavers", "Care leavers"),
            Map.entry("quality-assurance", "Quality assurance"),
            Map.entry("workforce", "Workforce"),
            Map.entry("adoption", "Adoption"));

    private IndicatorsDoc() {}

    /** Writes the file; the argument is the repository root (default: found from here). */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : repositoryRoot();
        Files.writeString(root.resolve(DOC), generate(Catalogue.defaults()), StandardCharsets.UTF_8);
    }

    public static String generate(Catalogue catalogue) {
        return template()
                .replace("{{regenerate}}", REGENERATE)
                .replace("{{alerting}}", catalogue.all().stream().filter(Indicator::alert)
                        .map(Indicator::code).collect(Collectors.joining(", ")))
                .replace("{{catalogue}}", tables(catalogue));
    }

    /** The directory holding mvnw, from the working directory up (a module's, under Maven). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String template() {
        try (InputStream in = IndicatorsDoc.class.getResourceAsStream("/docs/indicators.template.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tables(Catalogue catalogue) {
        Map<String, List<Indicator>> byGroup = new LinkedHashMap<>();
        for (Indicator i : catalogue.all()) {
            byGroup.computeIfAbsent(i.group() == null ? "other" : i.group(), g -> new ArrayList<>()).add(i);
        }
        StringBuilder out = new StringBuilder();
        byGroup.forEach((group, indicators) -> {
            out.append("### ").append(GROUP_TITLES.getOrDefault(group, group))
                    .append(" (`").append(group).append("`)\n\n");
            out.append("| code | name | kind | population / items | activity / condition | timescale | ref. date"
                    + " | target | better | alert |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (Indicator i : indicators) {
                Definition d = Definition.of(i);
                out.append(row(i.code(), i.name(), i.kind().name(), orBlank(d.population()), orBlank(d.activity()),
                        orBlank(d.timescale()), orBlank(d.referenceDate()), d.target() == null ? "—" : d.target(),
                        i.better() == null ? "—" : i.better().name(), i.alert() ? "yes" : ""));
            }
            out.append('\n');
        });
        return out.toString().stripTrailing();
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }

    private static String row(String... cells) {
        return "| " + Arrays.stream(cells).map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |\n";
    }
}
