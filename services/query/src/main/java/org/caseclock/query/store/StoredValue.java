package org.caseclock.query.store;

import java.time.Instant;
import org.bson.Document;

/**
 * A month value as the engine publishes it on {@code indicator-values} (its {@code IndicatorValue}).
 * The first-reported pair is null while the month is running.
 */
public record StoredValue(
        String code,
        String scope,
        String period,
        long numerator,
        long denominator,
        Long firstReportedNumerator,
        Long firstReportedDenominator,
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
                .append("updatedAt", Bson.date(updatedAt));
    }

    public static StoredValue of(Document d) {
        return new StoredValue(d.getString("code"), d.getString("scope"), d.getString("period"),
                Bson.number(d, "numerator"), Bson.number(d, "denominator"),
                Bson.nullableNumber(d, "firstReportedNumerator"), Bson.nullableNumber(d, "firstReportedDenominator"),
                Bson.instant(d, "updatedAt"));
    }

    /** Whether the figures differ; updatedAt alone is no change worth telling anyone about. */
    public boolean sameFigures(StoredValue o) {
        return o != null && numerator == o.numerator && denominator == o.denominator
                && java.util.Objects.equals(firstReportedNumerator, o.firstReportedNumerator)
                && java.util.Objects.equals(firstReportedDenominator, o.firstReportedDenominator);
    }
}
