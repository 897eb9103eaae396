package org.caseclock.query.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.caseclock.query.store.ItemStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The child-level lists: one indicator's items, and a scope's overdue list across indicators. */
@RestController
class ListsController {

    record Items(List<ItemView> items) {}

    private final ItemStore items;
    private final IndicatorsController indicators;
    private final Clock clock;
    private final Access access;
    private final KnownScopes known;

    private final Catalogue catalogue;

    ListsController(ItemStore items, IndicatorsController indicators, Clock clock, Access access, KnownScopes known,
                    Catalogue catalogue) {
        this.catalogue = catalogue;
        this.items = items;
        this.indicators = indicators;
        this.clock = clock;
        this.access = access;
        this.known = known;
    }

    /**
     * Without a period, the live list; with one, the items counted in that month. RECURRING
     * items are snapshots with no month, so a period list of a RECURRING code is empty.
     * {@code status=AT_RISK} (no period): the items at risk of being overdue by month end,
     * soonest due first, each with its own status; empty for kinds that have none.
     */
    @GetMapping("/api/indicators/{code}/items")
    Items items(@PathVariable String code, @RequestParam String scope,
                @RequestParam(required = false) String status, @RequestParam(required = false) String period) {
        indicators.requireKnown(code);
        Scope s = Params.scope(scope);
        boolean atRiskList = Params.atRisk(status);
        Status st = atRiskList ? null : Params.status(status);
        YearMonth month = Params.period(period);
        access.list(s, "/api/indicators/" + code + "/items", code);
        known.require(s);
        LocalDate today = London.date(clock.instant());
        if (atRiskList) {
            if (month != null) {
                throw new BadRequest("period must not be given with status=AT_RISK: the items at risk are this month's");
            }
            List<ComplianceItem> atRisk = items.atRisk(code, catalogue.get(code).kind(), s, today);
            return new Items(atRisk == null ? List.of()
                    : atRisk.stream().map(i -> ItemView.of(i, today)).sorted(ItemView.SOONEST_DUE_FIRST).toList());
        }
        int window = catalogue.get(code).windowMonths();
        List<ComplianceItem> found = month == null
                ? items.live(code, s, st, YearMonth.from(today), window)
                : items.inPeriod(code, s, st, month, window);
        return new Items(sorted(found, today));
    }

    /** A team manager's live list: every OVERDUE and DUE_SOON item of the scope, each with its code. */
    @GetMapping("/api/overdue")
    Items overdue(@RequestParam String scope) {
        Scope s = Params.scope(scope);
        access.list(s, "/api/overdue", null);
        known.require(s);
        return new Items(sorted(items.overdueAndDueSoon(s), London.date(clock.instant())));
    }

    private static List<ItemView> sorted(List<ComplianceItem> found, LocalDate today) {
        return found.stream().map(i -> ItemView.of(i, today)).sorted(ItemView.MOST_OVERDUE_FIRST).toList();
    }
}
