package org.caseclock.query.store;

import java.time.Instant;
import org.bson.Document;

/**
 * A month value as the engine publishes it on {@code indicator-values} (its {@code IndicatorValue}).
 * The first-reported pair is null while the month is running; the projected pair (v1.1) is the
 * running month's only (null for a closed month, and in records of an engine from before it): the
 * month's value at its last instant if nothing else is done.
 */
public record StoredValue(
        String code,
        String scope,
        String period,
        long numerator,
        long denominator,
        Long firstReportedNumerator,
        Long firstReportedDenominator,
        Long projectedNumerator,
        Long projectedDenominator,
        Instant updatedAt) {

    public Document toDocument(String key) {
        return new Document("_id", key)
                .append("code", code)
                .append("scope", scope)
                .append("period", period)
                .append("numerator", numerator)
                .append("denominator", denominator)
                .append("firstReportedNumerator", firstReportedNumerator)
                .append("firstReportedDenominator", firstReportedDenominator)
                .append("projectedNumerator", projectedNumerator)
                .append("projectedDenominator", projectedDenominator)
                .append("updatedAt", Bson.date(updatedAt));
    }

    public static StoredValue of(Document d) {
        return new StoredValue(d.getString("code"), d.getString("scope"), d.getString("period"),
                Bson.number(d, "numerator"), Bson.number(d, "denominator"),
                Bson.nullableNumber(d, "firstReportedNumerator"), Bson.nullableNumber(d, "firstReportedDenominator"),
                Bson.nullableNumber(d, "projectedNumerator"), Bson.nullableNumber(d, "projectedDenominator"),
                Bson.instant(d, "updatedAt"));
    }

    /** Whether the figures differ; updatedAt alone is no change worth telling anyone about. */
    public boolean sameFigures(StoredValue o) {
        return o != null && numerator == o.numerator && denominator == o.denominator
                && java.util.Objects.equals(firstReportedNumerator, o.firstReportedNumerator)
                && java.util.Objects.equals(firstReportedDenominator, o.firstReportedDenominator)
                && java.util.Objects.equals(projectedNumerator, o.projectedNumerator)
                && java.util.Objects.equals(projectedDenominator, o.projectedDenominator);
    }
}
