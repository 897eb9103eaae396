package org.caseclock.feeds.ssda903;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year an SSDA903 return covers, 1 April to 31 March. The return's files do not say it: it is read
 * from the folder's name ({@code ssda903-2023-24}: two years, the second the first's next), else it is
 * the year that holds the latest date of the return's episodes, reviews and missing episodes.
 */
record CollectionYear(LocalDate first) {

    private static final Pattern NAMED = Pattern.compile("(?<!\\d)(\\d{4})[-_](\\d{2})(?!\\d)");

    LocalDate last() {
        return first.plusYears(1).minusDays(1);
    }

    boolean holds(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last());
    }

    /** The year a folder's name gives ({@code 2023-24}, {@code 2023_24}), if it gives one. */
    static Optional<CollectionYear> named(String folder) {
        Matcher matcher = NAMED.matcher(folder);
        while (matcher.find()) {
            int start = Integer.parseInt(matcher.group(1));
            if ((start + 1) % 100 == Integer.parseInt(matcher.group(2))) {
                return Optional.of(new CollectionYear(LocalDate.of(start, 4, 1)));
            }
        }
        return Optional.empty();
    }

    static CollectionYear holding(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return new CollectionYear(LocalDate.of(start, 4, 1));
    }

    @Override
    public String toString() {
        return first.getYear() + "-" + String.format("%02d", (first.getYear() + 1) % 100);
    }
}
