package org.caseclock.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Indicator.Kind;
import org.caseclock.catalogue.time.Span;

/**
 * The indicator catalogue: the default catalogue.yaml, with an authority's overrides merged in
 * code by code (timescales, targets, tolerances, alerting). Anything unknown or missing fails
 * here, at start-up, naming the code and field.
 */
public final class Catalogue {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Indicator> byCode;

    private Catalogue(List<Indicator> indicators) {
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            validate(i);
            if (map.put(i.code(), i) != null) {
                throw new CatalogueException(i.code() + ": defined twice");
            }
        }
        for (Indicator i : map.values()) {
            if (i.kind() == Kind.RATE) {
                Indicator base = map.get(i.rateOf());
                require(base != null && base.kind() == Kind.COUNT, i.code(), "rateOf (a COUNT of this catalogue)");
            }
        }
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    private final List<Indicator> ordered;

    public static Catalogue defaults() {
        return load(null);
    }

    /** The default catalogue with the overrides file (YAML: {@code CODE: {field: value}}) merged in. */
    public static Catalogue load(Path overrides) {
        try (InputStream in = Catalogue.class.getResourceAsStream("/catalogue.yaml")) {
            JsonNode root = YAML.readTree(in);
            if (overrides != null) {
                merge((ArrayNode) root.get("indicators"), YAML.readTree(Files.readAllBytes(overrides)));
            }
            return fromTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator catalogue: " + e.getMessage(), e);
        }
    }

    public static Catalogue fromYaml(String yaml) {
        try {
            return fromTree(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new CatalogueException("catalogue is not valid YAML: " + e.getMessage());
        }
    }

    private static Catalogue fromTree(JsonNode root) {
        JsonNode list = root == null ? null : root.get("indicators");
        if (list == null || !list.isArray()) {
            throw new CatalogueException("catalogue must have a list 'indicators'");
        }
        List<Indicator> indicators = new ArrayList<>();
        for (JsonNode node : list) {
            String code = node.path("code").asText("?");
            try {
                indicators.add(YAML.treeToValue(node, Indicator.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new CatalogueException(code + ": " + firstLine(e.getMessage()));
            }
        }
        return new Catalogue(indicators);
    }

    private static void merge(ArrayNode indicators, JsonNode overrides) {
        if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
            return;
        }
        for (Map.Entry<String, JsonNode> override : overrides.properties()) {
            ObjectNode target = null;
            for (JsonNode node : indicators) {
                if (override.getKey().equals(node.path("code").asText())) {
                    target = (ObjectNode) node;
                }
            }
            if (target == null) {
                throw new CatalogueException("overrides name an unknown indicator: " + override.getKey());
            }
            target.setAll((ObjectNode) override.getValue());
        }
    }

    private static void validate(Indicator i) {
        String code = i.code();
        require(code != null && !code.isBlank(), "?", "code");
        require(i.name() != null, code, "name");
        require(i.kind() != null, code, "kind");
        switch (i.kind()) {
            case RECURRING -> {
                require(i.population() != null, code, "population");
                require(i.activity() != null && i.activity().type() != null, code, "activity.type");
                require((i.intervals() != null && !i.intervals().isEmpty()) || i.intervalByCaseType() != null,
                        code, "intervals");
                if (i.intervalByCaseType() != null) {
                    require(i.intervalByCaseType().keySet().containsAll(List.of(Indicator.CaseType.values())),
                            code, "intervalByCaseType (CP, CLA_OR_CIN and OTHER)");
                }
            }
            case MILESTONE -> {
                require(i.opens() != null && i.opens().type() != null, code, "opens.type");
                require(i.opens().key() != null || i.opens().nthInMonth() != null, code, "opens.key or opens.nthInMonth");
                require(i.closes() != null && i.closes().type() != null, code, "closes.type");
                require(i.timescale() != null, code, "timescale");
                require(i.reference() != null, code, "reference");
            }
            case RATIO -> {
                require(i.items() != null, code, "items");
                require(i.items().of() != Indicator.ItemsOf.EVENTS || i.items().type() != null, code, "items.type");
                require(i.items().of() == Indicator.ItemsOf.EVENTS || i.items().of() == Indicator.ItemsOf.CASES_CLOSED
                        || i.population() != null, code, "population (whose episodes or birthdays the items are)");
                require(i.items().of() != Indicator.ItemsOf.BIRTHDAYS
                        || (i.ages() != null && i.ages().min() != null && i.ages().max() != null), code, "ages.min and ages.max");
                requireCondition(i);
            }
            case SHARE -> {
                require(i.population() != null, code, "population");
                requireCondition(i);
            }
            case AVERAGE -> {
                require(i.items() != null && i.items().type() != null, code, "items.type");
                require(i.window() != null && i.window().unit() == Span.Unit.M, code, "window (in months)");
                require(i.measuredFrom() == null || i.measuredFrom().type() != null, code, "measuredFrom.type");
            }
            case RATE -> require(i.rateOf() != null, code, "rateOf");
            case COUNT -> {
                require(i.measure() != null, code, "measure");
                switch (i.measure()) {
                    case OPEN_EPISODE -> require(i.population() != null, code, "population");
                    case REPEAT_MISSING_IN_MONTH -> require(i.threshold() != null, code, "threshold");
                    case UNALLOCATED_OPEN -> require(i.minOpen() != null, code, "minOpen");
                    case CASELOAD, MAX_CASELOAD, UNALLOCATED_ASSESSMENTS -> { }
                }
            }
        }
        if (i.target() != null) {
            require(i.better() != null, code, "better (a target needs a direction)");
        }
    }

    private static void requireCondition(Indicator i) {
        String code = i.code();
        require(i.condition() != null && i.condition().test() != null, code, "condition.test");
        switch (i.condition().test()) {
            case LINKED_EXISTS -> require(i.condition().type() != null && i.condition().field() != null
                    && i.condition().itemField() != null, code, "condition.type, field and itemField");
            case EARLIER_WITHIN, ACTIVITY_BEFORE_MONTH_END -> require(i.condition().type() != null
                    && i.condition().within() != null, code, "condition.type and within");
            case EARLIER_EXISTS -> require(i.condition().type() != null, code, "condition.type");
            case STRATEGY_WITHIN -> require(i.condition().within() != null, code, "condition.within");
            case WHERE -> require(!i.condition().where().isEmpty(), code, "condition.where");
            case EARLY_HELP_OPEN_OR_STARTED_WITHIN, LASTED, PLACEMENT_HELD_FOR, SAME_WORKER_FOR ->
                    require(i.condition().within() != null, code, "condition.within");
            case LATEST_AROUND -> require(i.condition().type() != null && i.condition().within() != null
                    && i.condition().after() != null, code, "condition.type, within and after");
            case PLACEMENTS_WITHIN -> require(i.condition().type() != null && i.condition().within() != null
                    && i.condition().atLeast() != null, code, "condition.type, within and atLeast");
            case LATEST_WITHIN -> require(i.condition().type() != null && i.condition().within() != null,
                    code, "condition.type and within");
        }
    }

    private static void require(boolean ok, String code, String field) {
        if (!ok) {
            throw new CatalogueException(code + ": " + field + " is required");
        }
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    public List<Indicator> all() {
        return ordered;
    }

    public List<Indicator> ofKind(Kind kind) {
        return ordered.stream().filter(i -> i.kind() == kind).toList();
    }

    public Indicator get(String code) {
        Indicator i = byCode.get(code);
        if (i == null) {
            throw new CatalogueException("unknown indicator: " + code);
        }
        return i;
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public static final class CatalogueException extends RuntimeException {
        public CatalogueException(String message) {
            super("indicator catalogue: " + message);
        }
    }
}
