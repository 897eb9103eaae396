package org.caseclock.feeds.ssd;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a row of one table needs from another: a CLA review names its period of care, not the child,
 * and a care leaver's leaving care starts at 18, from the child's birth date.
 *
 * @param birthDates pers_dob by person id, from ssd_person
 * @param periodChild the child of each period of care, clae_cla_id to clae_person_id, from ssd_cla_episodes
 * @param extractDate the day of the extract
 */
public record Lookups(Map<String, LocalDate> birthDates, Map<String, String> periodChild, LocalDate extractDate) {}
