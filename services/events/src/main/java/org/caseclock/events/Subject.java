package org.caseclock.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A CloudEvents subject such as {@code child/C104233}; also the Kafka key of {@code case-events}. */
public record Subject(SubjectKind kind, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Subject {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("subject id must be 1..64 characters of [A-Za-z0-9_-]");
        }
    }

    @JsonCreator
    public static Subject parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("subject must be child/{id} or carer/{id}");
        }
        String prefix = text.substring(0, slash);
        for (SubjectKind kind : SubjectKind.values()) {
            if (kind.prefix().equals(prefix)) {
                return new Subject(kind, text.substring(slash + 1));
            }
        }
        throw new IllegalArgumentException("subject must be child/{id} or carer/{id}");
    }

    public static Subject child(String id) {
        return new Subject(SubjectKind.CHILD, id);
    }

    public static Subject carer(String id) {
        return new Subject(SubjectKind.CARER, id);
    }

    @JsonValue
    @Override
    public String toString() {
        return kind.prefix() + "/" + id;
    }
}
