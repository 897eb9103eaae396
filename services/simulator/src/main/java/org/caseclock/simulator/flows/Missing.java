package org.caseclock.simulator.flows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.caseclock.events.EventData.StrategyReason;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.EpisodeKind;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.model.Stoppable;

/**
 * Children who go missing: a few teenagers on open cases, some of them in spells of repeat
 * episodes (MC1, MC15), each episode followed by a return home interview (MC6) and, when the last
 * is stale, a risk assessment (MC13). A repeat spell calls for a missing strategy discussion.
 */
final class Missing {

    private static final int YOUNGEST = 11;
    private static final int CHECK_AGAIN_AT = 12;
    private static final double RUNS_AWAY = 0.08;
    private static final double RUNS_AWAY_FROM_CARE = 0.16;
    private static final double SPELL_STARTS = 0.09;
    private static final double EPISODES_A_MONTH_IN_A_SPELL = 6;
    private static final double START_NOT_RECORDED = 0.02;
    private static final double EXPLOITATION_CONCERN = 0.25;
    private static final int RISK_ASSESSMENT_STALE_DAYS = 75;
    private static final int REPEAT_EPISODES = 3;
    private static final int STRATEGY_WORKING_DAYS = 3;
    private static final Duration RETURN_INTERVIEW_DEADLINE = Duration.ofHours(72);

    private final Authority authority;

    Missing(Authority authority) {
        this.authority = authority;
    }

    /** Decides whether a child on a newly open case or period of care is one who goes missing. */
    void watch(Child child) {
        CaseFile file = child.caseFile();
        if (file.runaway()) {
            return;
        }
        LocalDate today = authority.sim.today();
        if (child.age(today) < YOUNGEST) {
            authority.sim.at(authority.timing.workingHours(child.birthday(CHECK_AGAIN_AT)), () -> {
                if (child.caseFile() == file && file.isOpen()) {
                    watch(child);
                }
            });
            return;
        }
        double p = file.has(EpisodeKind.LOOKED_AFTER) ? RUNS_AWAY_FROM_CARE : RUNS_AWAY;
        if (child.age(today) < 18 && authority.dice.chance(p)) {
            file.markRunaway();
            file.duty(new Runaway(child)).next();
        }
    }

    /** One child's episodes, for as long as the case is open. */
    private final class Runaway implements Stoppable {

        private final Child child;
        private final double episodesAMonth = authority.dice.uniform(0.2, 1.2);
        private LocalDate spellUntil = LocalDate.MIN;
        private YearMonth month = YearMonth.of(1900, 1);
        private int thisMonth;
        private LocalDate riskAssessed = LocalDate.MIN;
        private boolean stopped;

        Runaway(Child child) {
            this.child = child;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        void next() {
            LocalDate today = authority.sim.today();
            boolean inSpell = !today.isAfter(spellUntil);
            double rate = inSpell ? EPISODES_A_MONTH_IN_A_SPELL : episodesAMonth;
            LocalDate day = today.plusDays((long) authority.dice.exponential(30 / rate));
            int minute = authority.dice.between(15 * 60, 27 * 60) % (24 * 60);
            authority.sim.at(authority.timing.at(day, LocalTime.of(minute / 60, minute % 60)), this::goes);
        }

        private void goes() {
            if (stopped || child.age(authority.sim.today()) >= 18) {
                return;
            }
            LocalDate today = authority.sim.today();
            if (today.isAfter(spellUntil) && authority.dice.chance(SPELL_STARTS)) {
                spellUntil = today.plusDays(authority.dice.between(20, 45));
            }
            String episode = authority.ids.next(Ids.Kind.MISSING);
            if (!authority.dice.chance(START_NOT_RECORDED)) {
                authority.sim.record(child.subject(), new EventData.MissingEpisodeStarted(episode));
            }
            authority.sim.at(authority.sim.now().plus(howLong()), () -> returns(episode));
            assessRiskIfStale(today);
            countTowardsRepeat(today);
            next();
        }

        private Duration howLong() {
            double roll = authority.dice.uniform(0, 1);
            return roll < 0.3 ? authority.dice.hours(1, 6) : roll < 0.8 ? authority.dice.hours(6, 24) : authority.dice.hours(24, 96);
        }

        private void returns(String episode) {
            if (stopped) {
                return;
            }
            authority.sim.record(child.subject(), new EventData.MissingEpisodeEnded(episode));
            if (!authority.timing.skipped(Activity.RETURN_INTERVIEW)) {
                Instant done = authority.timing.within(Activity.RETURN_INTERVIEW, authority.sim.now(), RETURN_INTERVIEW_DEADLINE);
                authority.sim.at(done, () -> {
                    if (!stopped) {
                        authority.sim.record(child.subject(), new EventData.ReturnInterviewCompleted(episode));
                    }
                });
            }
        }

        private void assessRiskIfStale(LocalDate today) {
            if (riskAssessed.plusDays(RISK_ASSESSMENT_STALE_DAYS).isAfter(today) || authority.timing.skipped(Activity.MISSING_RISK_ASSESSMENT)) {
                return;
            }
            LocalDate due = authority.calendar.plusWorkingDays(today, 2);
            riskAssessed = authority.timing.dateFor(Activity.MISSING_RISK_ASSESSMENT, today, due);
            authority.sim.at(authority.timing.workingHours(riskAssessed), () -> {
                if (!stopped) {
                    authority.sim.record(child.subject(), new EventData.MissingRiskAssessmentCompleted());
                }
            });
        }

        /** The third episode in a calendar month calls for a missing strategy discussion within 3 working days. */
        private void countTowardsRepeat(LocalDate today) {
            YearMonth now = YearMonth.from(today);
            thisMonth = now.equals(month) ? thisMonth + 1 : 1;
            month = now;
            if (thisMonth != REPEAT_EPISODES || authority.timing.skipped(Activity.MISSING_STRATEGY)) {
                return;
            }
            LocalDate held = authority.timing.dateFor(Activity.MISSING_STRATEGY, today, authority.calendar.plusWorkingDays(today, STRATEGY_WORKING_DAYS));
            boolean exploited = authority.dice.chance(EXPLOITATION_CONCERN);
            authority.sim.at(authority.timing.workingHours(held), () -> {
                if (stopped) {
                    return;
                }
                authority.sim.record(child.subject(), new EventData.StrategyDiscussionHeld(authority.ids.next(Ids.Kind.STRATEGY), StrategyReason.MISSING));
                if (exploited) {
                    authority.sim.record(child.subject(), authority.sim.now().plusSeconds(1800),
                            new EventData.StrategyDiscussionHeld(authority.ids.next(Ids.Kind.STRATEGY), StrategyReason.EXPLOITATION));
                }
            });
        }
    }
}
