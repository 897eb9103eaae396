package org.caseclock.simulator.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caseclock.simulator.sim.Dice;

/**
 * The authority's twelve teams, staffed so that caseloads sit near the usual target of about
 * sixteen cases a worker (W1) whatever the size of the authority.
 */
public final class Organisation {

    private static final int CASES_PER_WORKER = 16;
    private static final int CARERS_PER_WORKER = 14;

    private final Map<Service, List<Team>> teams = new EnumMap<>(Service.class);

    public Organisation(int openCases, int carers) {
        int[] workerNumber = {1};
        add(Service.FRONT_DOOR, "MASH", 1, 0, workerNumber);
        add(Service.ASSESSMENT, "ASSESS", 3, workersFor(openCases, Service.ASSESSMENT), workerNumber);
        add(Service.FAMILIES, "FAM", 3, workersFor(openCases, Service.FAMILIES), workerNumber);
        add(Service.LOOKED_AFTER, "CLA", 2, workersFor(openCases, Service.LOOKED_AFTER), workerNumber);
        add(Service.LEAVING_CARE, "LC", 1, workersFor(openCases, Service.LEAVING_CARE), workerNumber);
        add(Service.FOSTERING, "FOST", 1, Math.max(1, carers / CARERS_PER_WORKER), workerNumber);
        add(Service.ADOLESCENTS, "ADOL", 1, workersFor(openCases, Service.ADOLESCENTS), workerNumber);
    }

    public Team team(Service service, Dice dice) {
        return dice.oneOf(teams.get(service));
    }

    private static int workersFor(int openCases, Service service) {
        return Math.max(1, (int) Math.round(openCases * service.shareOfCases() / CASES_PER_WORKER));
    }

    private void add(Service service, String prefix, int count, int workers, int[] workerNumber) {
        List<Team> list = new ArrayList<>();
        for (int t = 1; t <= count; t++) {
            int staff = count == 1 ? workers : Math.max(1, Math.round((float) workers / count));
            List<String> ids = new ArrayList<>();
            for (int w = 0; w < staff; w++) {
                ids.add(String.format("W%03d", workerNumber[0]++));
            }
            list.add(new Team(prefix + "-" + t, service, ids));
        }
        teams.put(service, List.copyOf(list));
    }
}
