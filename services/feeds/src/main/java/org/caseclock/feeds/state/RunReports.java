package org.caseclock.feeds.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.caseclock.events.EventJson;
import org.caseclock.feeds.RunReport;

/** The run reports of the feeds in a state directory: one JSON file a run, under {@code runs/}. */
public final class RunReports {

    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path dir;

    public RunReports(Path stateDir) {
        this.dir = stateDir.resolve("runs");
    }

    public Path save(RunReport report) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(report.feed() + "-" + report.extract() + "-" + STAMP.format(report.ranAt()) + ".json");
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), report);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a run report in " + dir, e);
        }
    }

    /** Every report as written, newest run first (then the later extract), as one JSON array (served as it is). */
    public String asJsonArray() {
        if (!Files.isDirectory(dir)) {
            return "[]";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> reports = files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
            StringBuilder json = new StringBuilder("[");
            for (Path file : reports.stream().sorted(Comparator.comparing(RunReports::ranAt).thenComparing(Path::toString).reversed()).toList()) {
                json.append(json.length() > 1 ? "," : "").append(Files.readString(file));
            }
            return json.append(']').toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run reports in " + dir, e);
        }
    }

    private static String ranAt(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('-') + 1);
    }
}
