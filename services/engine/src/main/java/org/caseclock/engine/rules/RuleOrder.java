package org.caseclock.engine.rules;

import java.time.Instant;
import java.util.Comparator;
import org.caseclock.events.CaseEvent;

/** Events apply in order of time, then recordedat, then id in code-point order. */
public final class RuleOrder {

    public static final Comparator<CaseEvent> COMPARATOR = Comparator
            .comparing(CaseEvent::timeInstant)
            .thenComparing(e -> e.recordedat() == null ? Instant.MAX : e.recordedInstant())
            .thenComparing(CaseEvent::id, RuleOrder::byCodePoint);

    private RuleOrder() {}

    /** Java's String order is by UTF-16 unit; the contract says code points, which differ above U+FFFF. */
    static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
