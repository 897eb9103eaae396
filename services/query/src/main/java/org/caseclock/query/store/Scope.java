package org.caseclock.query.store;

import java.util.regex.Pattern;

/**
 * What a question is about: the whole authority ({@code LA}), a service ({@code service/{id}}) or
 * a team ({@code team/{id}}), the same scopes the engine counts in.
 */
public record Scope(Level level, String id) {

    public enum Level { LA, SERVICE, TEAM }

    public static final String FORMAT = "LA, service/{id} or team/{id}";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** @throws IllegalArgumentException when the text is none of the three forms */
    public static Scope parse(String text) {
        if ("LA".equals(text)) {
            return new Scope(Level.LA, null);
        }
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash > 0 && ID.matcher(text.substring(slash + 1)).matches()) {
            String id = text.substring(slash + 1);
            switch (text.substring(0, slash)) {
                case "service" -> {
                    return new Scope(Level.SERVICE, id);
                }
                case "team" -> {
                    return new Scope(Level.TEAM, id);
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
