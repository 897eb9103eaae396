package org.caseclock.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseclock.catalogue.Indicator.CaseType;
import org.caseclock.catalogue.Indicator.Population;
import org.caseclock.catalogue.time.Span;

/**
 * What an indicator counts, in words worked out from its catalogue entry (so they say what the engine computes, with an
 * authority's overrides): the reference page docs/indicators.md is made of them, and the API gives them with one
 * indicator for the dashboard's indicator page. Timescales are written as the rules write them ({@code 28 D},
 * {@code 15 WD}, {@code 3 M}, {@code 72 h}); a field that does not apply to the kind is null.
 *
 * @param population who or what the items are (RECURRING: the population; MILESTONE, RATIO, SHARE, AVERAGE: the items)
 * @param activity what meets an item (RECURRING: the activity; MILESTONE: what closes it; RATIO, SHARE: the condition)
 * @param timescale the interval or timescale
 * @param referenceDate what places an item in its month, or "as at T" for a snapshot
 * @param target the target, with its tolerance where there is one
 */
public record Definition(String population, String activity, String timescale, String referenceDate, String target) {

    public static Definition of(Indicator i) {
        return new Definition(blankAsNull(population(i)), blankAsNull(activity(i)), blankAsNull(timescale(i)),
                blankAsNull(reference(i)), target(i));
    }

    private static String blankAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String population(Indicator i) {
        return switch (i.kind()) {
            case RECURRING -> recurringPopulation(i);
            case MILESTONE -> milestoneItems(i);
            case RATIO -> switch (i.items().of()) {
                case EVENTS -> i.items().perMonth()
                        ? "one item per child and month with " + a(i.items().type()) + " dated in it"
                        : "each " + i.items().type() + byKey(i.items().key()) + with(i.items().where());
                case CASES_CLOSED -> "each CaseClosed that closed an open case";
                case EPISODES_ENDED -> "each episode ended (by its end event or a CaseClosed) of " + who(i.population());
                case BIRTHDAYS -> "one item per birthday " + i.ages().min() + "–" + i.ages().max()
                        + " (from that date on) on which the child was among " + who(i.population());
            };
            case SHARE -> sharePopulation(i);
            case AVERAGE -> (i.items().firstInEpisode() ? "the first " : "each ") + i.items().type()
                    + with(i.items().where()) + (i.items().firstInEpisode() ? " in each period of care" : " within a period of care")
                    + (i.measuredFrom() == null ? "" : " with " + a(i.measuredFrom().type()) + " dated on or before it in the same period");
            case RATE -> i.rateOf() + " per 10,000 children of the scope's configured child population";
            case COUNT -> switch (i.measure()) {
                case OPEN_EPISODE -> who(i.population());
                case CASELOAD -> "open cases with a worker (numerator) ÷ distinct workers holding one (denominator)";
                case MAX_CASELOAD -> "the most of the scope's open cases held by one worker (numerator; null when none has a worker)";
                case UNALLOCATED_OPEN -> "open cases with no worker whose open date + " + span(i.minOpen()) + " ≤ date(T)";
                case UNALLOCATED_ASSESSMENTS -> "open assessments of children with no worker at T (each assessment counts)";
                case REPEAT_MISSING_IN_MONTH -> "children with ≥ " + i.threshold() + " MissingEpisodeStarted dated in the month";
            };
        };
    }

    private static String sharePopulation(Indicator i) {
        List<String> parts = new ArrayList<>(List.of(who(i.population()) + " at T"));
        if (i.ages() != null) {
            parts.add(ages(i.ages()) + " at date(T)");
        }
        if (i.minEpisode() != null) {
            parts.add("current period started on or before date(T) − " + span(i.minEpisode()));
        }
        return String.join("; ", parts);
    }

    private static String recurringPopulation(Indicator i) {
        List<String> parts = new ArrayList<>(List.of(who(i.population())));
        if (i.caseTypes() != null) {
            parts.add("only cases whose type as at T is " + i.caseTypes().stream().map(Definition::caseType)
                    .collect(Collectors.joining(" or ")));
        }
        if (i.ages() != null) {
            parts.add(ages(i.ages()));
        }
        if (i.minEpisode() != null) {
            parts.add("in this episode ≥ " + span(i.minEpisode()));
        }
        if (i.entry() == Indicator.Entry.LATER_OF_AGE_AND_EPISODE) {
            List<String> dates = new ArrayList<>();
            if (i.ages() != null && i.ages().min() != null) {
                dates.add("the date of turning " + i.ages().min());
            }
            dates.add(i.minEpisode() == null ? "the episode start" : "the episode start + " + span(i.minEpisode()));
            parts.add("entry date = the later of " + String.join(" and ", dates));
        }
        if (!i.resets().isEmpty()) {
            parts.add("resets at " + i.resets().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        switch (i.activitiesFrom()) {
            case EPISODE_START -> { }
            case CASE_OPEN -> parts.add("activities count from the case's opening");
            case ANY_TIME -> parts.add("activities count from any time, not only this episode");
        }
        return String.join("; ", parts);
    }

    private static String milestoneItems(Indicator i) {
        String opens = i.opens().nthInMonth() != null
                ? "the " + ordinal(i.opens().nthInMonth()) + " " + i.opens().type() + " of a child in a month"
                : "each " + i.opens().type() + with(i.opens().where()) + byKey(i.opens().key());
        return i.cancelWhenEpisodeEnds() ? opens + "; cancelled also when the episode ends" : opens;
    }

    private static String activity(Indicator i) {
        return switch (i.kind()) {
            case RECURRING -> i.activity().type() + with(i.activity().where());
            case MILESTONE -> {
                String closes = i.closes().type() + with(i.closes().where());
                yield switch (i.closes().from()) {
                    case OPENING -> i.closes().key() == null ? closes : closes + ", same " + i.closes().key();
                    case OPENING_DATE -> "the first " + closes + " dated on or after the opening's date";
                    case EPISODE -> "the first " + closes + " in the episode";
                    case MONTH_START -> closes + ", dated from the 1st of that month";
                };
            }
            case RATIO -> {
                Indicator.Condition c = i.condition();
                yield switch (c.test()) {
                    case WHERE -> where(c.where());
                    case LINKED_EXISTS -> a(c.type()) + " of the same child with " + c.field()
                            + " = the item's " + c.itemField() + " exists";
                    case EARLIER_WITHIN -> "the same child had " + a(c.type()) + " dated in [d − " + span(c.within())
                            + ", d), d = the item's date";
                    case EARLIER_EXISTS -> "the child had an earlier " + c.type();
                    case STRATEGY_WITHIN -> "dated ≤ the linked strategy discussion's date + " + span(c.within())
                            + " (the StrategyDiscussionHeld" + with(c.where()) + " its strategyId names, else the latest"
                            + " one dated on or before it; items with none are left out)";
                    case ACTIVITY_BEFORE_MONTH_END -> a(c.type()) + " dated in [E − " + span(c.within())
                            + ", E], E = month end (or T in the current month)";
                    case EARLY_HELP_OPEN_OR_STARTED_WITHIN -> "an early help episode open at the closure (processing order),"
                            + " or an EarlyHelpStarted dated in [close date, close date + " + span(c.within()) + "]";
                    case LASTED -> "end date ≥ start date + " + span(c.within());
                    case LATEST_AROUND -> "the latest " + c.type() + " dated in [birthday − " + span(c.within())
                            + ", birthday + " + span(c.after()) + "] (and ≤ T) has " + where(c.where());
                    default -> c.test().name();
                };
            }
            case SHARE -> {
                Indicator.Condition c = i.condition();
                yield switch (c.test()) {
                    case PLACEMENTS_WITHIN -> "at least " + c.atLeast() + " " + c.type() + " (any period of care) dated in"
                            + " (date(T) − " + span(c.within()) + ", date(T)]";
                    case PLACEMENT_HELD_FOR -> "placement start ≤ date(T) − " + span(c.within()) + " (the latest PlacementStarted"
                            + " dated within the current period of care, else the period's start)";
                    case SAME_WORKER_FOR -> "a worker at T, whose unbroken run of CaseAllocated naming them began on or before"
                            + " date(T) − " + span(c.within());
                    case LATEST_WITHIN -> "the latest " + c.type() + " (any time, ≤ T) has " + where(c.where())
                            + " and is dated on or after date(T) − " + span(c.within());
                    default -> c.test().name();
                };
            }
            case AVERAGE -> "measure = its date − " + (i.measuredFrom() == null ? "the period of care's start date"
                    : "the latest such " + i.measuredFrom().type() + "'s date") + ", in days";
            case COUNT, RATE -> "";
        };
    }

    private static String timescale(Indicator i) {
        return switch (i.kind()) {
            case RECURRING -> {
                if (i.intervalByCaseType() != null) {
                    yield "by case type as at T: " + Arrays.stream(CaseType.values())
                            .map(t -> caseType(t) + " " + span(i.intervalByCaseType().get(t)))
                            .collect(Collectors.joining(", "));
                }
                String intervals = "[" + i.intervals().stream().map(Definition::span).collect(Collectors.joining(", ")) + "]";
                yield i.youngerInterval() == null ? intervals
                        : intervals + "; " + span(i.youngerInterval().interval()) + " instead after an activity when aged under "
                        + i.youngerInterval().belowAge();
            }
            case MILESTONE -> span(i.timescale());
            case AVERAGE -> "rolling " + span(i.window());
            case RATIO, COUNT, SHARE, RATE -> "";
        };
    }

    private static String reference(Indicator i) {
        return switch (i.kind()) {
            case RECURRING -> "as at T";
            case MILESTONE -> switch (i.reference()) {
                case OPENED -> "opened (" + i.opens().type() + ")";
                case COMPLETED -> "completed (" + i.closes().type() + ")";
            };
            case RATIO -> switch (i.items().of()) {
                case EVENTS -> i.items().perMonth() ? "month" : "the " + i.items().type() + "'s date";
                case CASES_CLOSED -> "closed";
                case EPISODES_ENDED -> "ended";
                case BIRTHDAYS -> "birthday";
            };
            case AVERAGE -> "the " + i.items().type() + "'s date";
            case COUNT, SHARE, RATE -> i.isSnapshot() ? "as at T" : "month";
        };
    }

    private static String target(Indicator i) {
        if (i.target() == null) {
            return null;
        }
        String target = number(i.target(), i.isPercentage());
        return i.tolerance() == null ? target : target + " (tolerance " + number(i.tolerance(), i.isPercentage()) + ")";
    }

    // ---- words --------------------------------------------------------------------------------

    private static String who(Population p) {
        return switch (p) {
            case CIN_PLAN -> "children with an open CIN plan";
            case CP_PLAN -> "children with an open CP plan";
            case LOOKED_AFTER -> "children looked after";
            case LEAVING_CARE -> "care leavers (open leaving care)";
            case CARER_APPROVED -> "approved foster carers";
            case OPEN_CASE -> "children with an open case";
            case EARLY_HELP -> "children open to early help";
        };
    }

    private static String caseType(CaseType t) {
        return switch (t) {
            case CP -> "CP plan";
            case CLA_OR_CIN -> "CLA or CIN plan";
            case OTHER -> "other";
        };
    }

    private static String ages(Indicator.Ages a) {
        if (a.min() != null && a.max() != null) {
            return "aged " + a.min() + "–" + a.max();
        }
        return a.min() != null ? "aged ≥ " + a.min() : "aged ≤ " + a.max();
    }

    /** "a VisitRecorded", "an AssessmentStarted". */
    private static String a(Object type) {
        String name = String.valueOf(type);
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String byKey(String key) {
        return key == null ? "" : " (by " + key + ")";
    }

    private static String with(Map<String, String> where) {
        return where.isEmpty() ? "" : " with " + where(where);
    }

    private static String where(Map<String, String> where) {
        return where.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "28 D", as the rules write timescales. */
    private static String span(Span s) {
        return s.amount() + " " + s.unit().name();
    }

    private static String ordinal(int n) {
        return n + switch (n % 100 == 11 || n % 100 == 12 || n % 100 == 13 ? 0 : n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** 0.95 as 95% for percentages; 17.0 as 17 for numbers. */
    private static String number(double value, boolean percentage) {
        BigDecimal d = BigDecimal.valueOf(value);
        return percentage ? d.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                : d.stripTrailingZeros().toPlainString();
    }
}
