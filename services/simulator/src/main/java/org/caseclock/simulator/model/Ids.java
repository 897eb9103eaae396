package org.caseclock.simulator.model;

import java.util.EnumMap;
import java.util.Map;

/** Pseudonymous identifiers of subjects and of the things events refer to, unique per authority. */
public final class Ids {

    public enum Kind {
        CHILD("C", 100_000), CARER("FC", 1_000), CONTACT("CT", 0), REFERRAL("R", 0), ASSESSMENT("A", 0),
        STRATEGY("SD", 0), CONFERENCE("IC", 0), CIN_PLAN("CIN", 0), CP_PLAN("CPP", 0), CARE_EPISODE("LA", 0),
        LEAVING_CARE("LC", 0), PLACEMENT("PL", 0), VISIT("V", 0), MISSING("ME", 0), EARLY_HELP("EH", 0);

        private final String prefix;
        private final long first;

        Kind(String prefix, long first) {
            this.prefix = prefix;
            this.first = first;
        }
    }

    private final Map<Kind, Long> used = new EnumMap<>(Kind.class);

    public String next(Kind kind) {
        long n = used.merge(kind, 1L, Long::sum) + kind.first;
        return kind.prefix + n;
    }
}
