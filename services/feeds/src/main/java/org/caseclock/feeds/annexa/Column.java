package org.caseclock.feeds.annexa;

import java.util.List;
import java.util.Locale;

/**
 * A column of an Annex A list, found by the words its header holds rather than by its exact text:
 * Ofsted's template writes "Date of Initial Child Protection Conference", an analyst's copy "ICPC date"
 * or "Date of ICPC". A header is taken without case, spaces or punctuation, and matches when it holds
 * every part of one of the column's spellings.
 */
enum Column {
    CHILD(List.of(List.of("child", "id"), List.of("unique", "id"), List.of("person", "id"))),
    BIRTH(List.of(List.of("dateofbirth"), List.of("dob"), List.of("birth", "date"))),
    CONTACT_DATE(List.of(List.of("contact", "date"), List.of("dateofcontact"))),
    REFERRAL_DATE(List.of(List.of("referral", "date"), List.of("dateofreferral"))),
    ASSESSMENT_START(List.of(List.of("assessment", "start"))),
    ASSESSMENT_AUTHORISED(List.of(List.of("assessment", "authoris"), List.of("assessment", "authoriz"),
            List.of("assessment", "completed"), List.of("dateofauthorisation"))),
    CHILD_SEEN(List.of(List.of("child", "seen", "assessment"))),
    SUPPORT_REQUIRED(List.of(List.of("support", "required"), List.of("socialcaresupport"))),
    STRATEGY_DATE(List.of(List.of("strategy"), List.of("s47", "start"), List.of("section47", "start"))),
    ICPC_DATE(List.of(List.of("initialchildprotectionconference", "date"), List.of("icpc", "date"),
            List.of("dateof", "initialcpconference"), List.of("initialcpconf", "date"))),
    ICPC_PLAN(List.of(List.of("result", "plan"))),
    CIN_START(List.of(List.of("cin", "start"), List.of("childinneed", "start"))),
    LAST_SEEN(List.of(List.of("last", "seen"), List.of("last", "visit"))),
    CP_START(List.of(List.of("protection", "plan", "start"), List.of("cpplan", "start"), List.of("cpp", "start"))),
    CP_END(List.of(List.of("protection", "plan", "end"), List.of("cpplan", "end"), List.of("cpp", "end"))),
    INITIAL_CATEGORY(List.of(List.of("initial", "category"))),
    LAST_REVIEW(List.of(List.of("last", "review"), List.of("latest", "review"))),
    LOOKED_AFTER_START(List.of(List.of("started", "lookedafter"), List.of("startedtobelookedafter"),
            List.of("periodofcare", "start"), List.of("entered", "care"))),
    LOOKED_AFTER_END(List.of(List.of("ceased", "lookedafter"), List.of("left", "care"))),
    LEGAL_STATUS(List.of(List.of("legal", "status"))),
    HEALTH_ASSESSMENT(List.of(List.of("health", "assessment"))),
    DENTAL(List.of(List.of("dental"))),
    PATHWAY_PLAN(List.of(List.of("pathway", "plan"))),
    // List 10, as Ofsted's template heads it ("Date of decision that child should be placed for adoption", "Date of
    // placement order", "Date of matching child and prospective adopters", "Date placed for adoption") and as the
    // SSD's Annex A query names it (ADMSHOBPADecisionDate, PlacementOrderDate, MatchedForAdoptionDate, PlacedForAdoptionDate).
    // "...should no longer be placed for adoption" (the decision reversed) is none of them.
    ADOPTION_DECISION(List.of(List.of("shouldbeplacedforadoption"), List.of("shobpa"), List.of("adm", "decision"))),
    PLACEMENT_ORDER(List.of(List.of("placement", "order"))),
    MATCHED(List.of(List.of("match"))),
    PLACED_FOR_ADOPTION(List.of(List.of("dateplacedforadoption"), List.of("placedforadoptiondate")));

    private final List<List<String>> spellings;

    Column(List<List<String>> spellings) {
        this.spellings = spellings;
    }

    static String normal(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    boolean matches(String header) {
        String name = normal(header);
        return spellings.stream().anyMatch(parts -> parts.stream().allMatch(name::contains));
    }
}
