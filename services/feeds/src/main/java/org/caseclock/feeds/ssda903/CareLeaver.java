package org.caseclock.feeds.ssda903;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caseclock.events.EventData;
import org.caseclock.feeds.delivery.RowProblem;
import org.caseclock.feeds.reading.CareLeaverCodes;

/**
 * An OC3 row read as the DfE's SSDA903 guidance codes it ({@link CareLeaverCodes}; ACCOM as the 903 validator's
 * rule 133 lists it): whether the authority is in touch
 * with a care leaver, their main activity and their accommodation, on or around their 17th to 21st birthday.
 */
final class CareLeaver {

    /** ACCOM: the kind of accommodation (B to Z), then 1 suitable or 2 not suitable. */
    private static final Pattern ACCOMMODATION = Pattern.compile("[BCDEGHKRSTUVWXYZ][12]");
    /** ACTIV and ACCOM are 0 (or blank) where there is nothing to record: not in touch, died, returned home. */
    private static final String NONE = "0";
    private static final List<Integer> AGES = List.of(17, 18, 19, 20, 21);

    private CareLeaver() {}

    static EventData.CareLeaverContactRecorded contact(Ssda903Row row) throws RowProblem {
        String inTouch = row.requiredText("IN_TOUCH").toUpperCase(Locale.ROOT);
        if (!CareLeaverCodes.IN_TOUCH.contains(inTouch)) {
            throw new RowProblem("IN_TOUCH is not one of " + String.join(", ", CareLeaverCodes.IN_TOUCH));
        }
        String activity = code(row, "ACTIV");
        boolean eet = activity != null && CareLeaverCodes.EET.contains(activity);
        if (activity != null && !eet && !CareLeaverCodes.NEET.contains(activity) && !activity.equals(NONE)) {
            throw new RowProblem("ACTIV is not an activity code (F1, P1, F2, P2, F3, P3, F4, P4, F5, P5, G4, G5, G6 or 0)");
        }
        String accommodation = code(row, "ACCOM");
        if (accommodation != null && !accommodation.equals(NONE) && !ACCOMMODATION.matcher(accommodation).matches()) {
            throw new RowProblem("ACCOM is not an accommodation code (a letter B to Z, then 1 suitable or 2 not suitable; or 0)");
        }
        boolean suitable = accommodation != null && accommodation.length() == 2 && accommodation.charAt(1) == '1';
        return new EventData.CareLeaverContactRecorded(inTouch.equals("YES"), eet, suitable);
    }

    /** The row's 17th to 21st birthday in the year: what OC3 describes the care leaver around. */
    static LocalDate birthdayIn(Ssda903Row row, CollectionYear year) throws RowProblem {
        LocalDate birth = row.date("DOB");
        for (int age : AGES) {
            LocalDate birthday = birthday(birth, age);
            if (year.holds(birthday)) {
                return birthday;
            }
        }
        throw new RowProblem("no 17th to 21st birthday in the collection year " + year + " (" + year.first() + " to "
                + year.last() + "): OC3 is of care leavers with one");
    }

    /** The n-th birthday; a 29 February birthday falls on 1 March in other years (INDICATORS.md), not on 28 February. */
    static LocalDate birthday(LocalDate birth, int years) {
        LocalDate birthday = birth.plusYears(years);
        return birthday.getDayOfMonth() != birth.getDayOfMonth() ? birthday.plusDays(1) : birthday;
    }

    private static String code(Ssda903Row row, String column) {
        String value = row.text(column);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
