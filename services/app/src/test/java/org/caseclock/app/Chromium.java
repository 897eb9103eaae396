package org.caseclock.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its chromedriver, headless ({@code CASECLOCK_CHROMIUM} and
 * {@code CASECLOCK_CHROMEDRIVER} name others). Both paths are given, so Selenium Manager has
 * nothing to look up and never downloads a driver or a browser (there is no internet here).
 */
final class Chromium {

    static final Path BROWSER = Path.of(envOr("CASECLOCK_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(envOr("CASECLOCK_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {}

    /** What is missing to run a browser test, or null when both are installed. */
    static String missing() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return "no " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
                    + " (install with: apt-get install -y chromium chromium-driver)";
        }
        return null;
    }

    static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String envOr(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
