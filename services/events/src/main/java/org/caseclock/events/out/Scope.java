package org.caseclock.events.out;

import java.util.regex.Pattern;

/**
 * What a figure or a question is about: the whole authority ({@code LA}), a service ({@code service/{id}}) or a
 * team ({@code team/{id}}). Written by {@link #toString()} into {@link IndicatorValue#scope()}, and parsed back
 * from the API's {@code scope} parameter: the one place the format lives.
 */
public record Scope(Level level, String id) {

    public enum Level { LA, SERVICE, TEAM }

    public static final String FORMAT = "LA, service/{id} or team/{id}";

    public static final Scope LA = new Scope(Level.LA, null);

    /**
     * A team's id is whatever the case system sends in {@code CaseAllocated.team} (the contract sets no format:
     * "Leeds East 2" is as good as "SWwF-3"), so any text but control characters, within a URL's reason.
     */
    private static final Pattern ID = Pattern.compile("[^\\p{Cntrl}]{1,128}");

    public static Scope team(String id) {
        return new Scope(Level.TEAM, id);
    }

    public static Scope service(String id) {
        return new Scope(Level.SERVICE, id);
    }

    /** @throws IllegalArgumentException when the text is none of the three forms */
    public static Scope parse(String text) {
        if ("LA".equals(text)) {
            return LA;
        }
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash > 0 && ID.matcher(text.substring(slash + 1)).matches()) {
            String id = text.substring(slash + 1);
            switch (text.substring(0, slash)) {
                case "service" -> {
                    return service(id);
                }
                case "team" -> {
                    return team(id);
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("scope must be " + FORMAT);
    }

    /** As the engine writes it in {@code indicator-values}. */
    @Override
    public String toString() {
        return switch (level) {
            case LA -> "LA";
            case SERVICE -> "service/" + id;
            case TEAM -> "team/" + id;
        };
    }

    /** Whether an item of this team and service is in the scope. */
    public boolean covers(String team, String service) {
        return switch (level) {
            case LA -> true;
            case SERVICE -> id.equals(service);
            case TEAM -> id.equals(team);
        };
    }
}
