package org.caseclock.feeds.ssda903;

import java.util.Locale;

/**
 * Column names as analysts' files really write them: any case, spaces or hyphens for the underscores,
 * stray spaces around ({@code "Reason place change "} is {@code REASON_PLACE_CHANGE}).
 */
final class Headers {

    private Headers() {}

    static String normal(String header) {
        String name = header.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT);
        return name.replaceAll("[\\s_-]+", "_");
    }
}
