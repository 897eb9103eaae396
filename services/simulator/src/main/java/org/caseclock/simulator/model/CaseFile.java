package org.caseclock.simulator.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A child's open case: its allocation, its open episodes, and what must stop when it closes. */
public final class CaseFile {

    private final LocalDate opened;
    private final Map<EpisodeKind, Episode> episodes = new EnumMap<>(EpisodeKind.class);
    private final List<Stoppable> duties = new ArrayList<>();
    private Team team;
    private int allocations;
    private boolean open = true;
    private boolean runaway;
    private Runnable typeChanged = () -> {};

    public CaseFile(LocalDate opened) {
        this.opened = opened;
    }

    public LocalDate opened() {
        return opened;
    }

    public boolean isOpen() {
        return open;
    }

    public Team team() {
        return team;
    }

    /** Counts allocations, so a delayed follow-up can tell whether the case moved on meanwhile. */
    public int allocate(Team newTeam) {
        team = newTeam;
        return ++allocations;
    }

    public boolean allocationIs(int number) {
        return open && allocations == number;
    }

    public Episode start(EpisodeKind kind, Episode episode) {
        CaseType before = type();
        episodes.put(kind, episode);
        noticeType(before);
        return episode;
    }

    public Episode episode(EpisodeKind kind) {
        return episodes.get(kind);
    }

    public boolean has(EpisodeKind kind) {
        Episode episode = episodes.get(kind);
        return episode != null && episode.isOpen();
    }

    public void end(EpisodeKind kind) {
        CaseType before = type();
        Episode episode = episodes.remove(kind);
        if (episode != null) {
            episode.close();
        }
        noticeType(before);
    }

    /** Called whenever the case's type changes, as supervision intervals depend on it. */
    public void onTypeChange(Runnable listener) {
        typeChanged = listener;
    }

    /** A child known to go missing: the case goes to the adolescents' team when there is a choice. */
    public boolean runaway() {
        return runaway;
    }

    public void markRunaway() {
        runaway = true;
    }

    public <T extends Stoppable> T duty(T duty) {
        duties.add(duty);
        return duty;
    }

    public CaseType type() {
        if (has(EpisodeKind.CP_PLAN)) {
            return CaseType.CHILD_PROTECTION;
        }
        if (has(EpisodeKind.LOOKED_AFTER) || has(EpisodeKind.CIN_PLAN)) {
            return CaseType.LOOKED_AFTER_OR_CIN;
        }
        return CaseType.OTHER;
    }

    public void close() {
        open = false;
        duties.forEach(Stoppable::stop);
        duties.clear();
        for (EpisodeKind kind : EpisodeKind.values()) {
            end(kind);
        }
    }

    private void noticeType(CaseType before) {
        if (type() != before) {
            typeChanged.run();
        }
    }
}
