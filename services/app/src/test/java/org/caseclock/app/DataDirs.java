package org.caseclock.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory per test class, named before its context (and in-process broker) starts. */
final class DataDirs {

    static final String PROPERTY = "caseclock.local.data-dir";

    private DataDirs() {}

    /** Creates one under the temporary directory and makes it {@code caseclock.local.data-dir}. */
    static Path fresh() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "app-data");
            System.setProperty(PROPERTY, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void forget() {
        System.clearProperty(PROPERTY);
    }
}
