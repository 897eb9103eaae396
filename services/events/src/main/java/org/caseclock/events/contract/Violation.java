package org.caseclock.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One schema failure told as "{field} {what is wrong}", the field in dotted form ({@code data.visitId}).
 *
 * <p>The wording is generic per JSON Schema keyword; where a schema needs its own wording it says so
 * in an {@code errorMessage} object beside the keyword ({@code "errorMessage": {"pattern": "..."}}),
 * in which {@code ${value}} stands for the rejected value. The rules themselves stay in the schemas.
 */
record Violation(String field, String text, RejectionReason reason) {

    private static final String ERROR_MESSAGE = "errorMessage";

    String message() {
        return field + " " + text;
    }

    /**
     * @param prefix the dotted path of the instance the schema was applied to ("" for the envelope)
     * @param schemaRoot the schema document, to find custom wording beside the failed keyword
     */
    static Violation of(ValidationMessage error, String prefix, JsonNode schemaRoot) {
        String keyword = error.getType();
        List<String> path = names(error.getInstanceLocation());
        if ("required".equals(keyword)) {
            path.add(error.getProperty());
        }
        String field = dotted(prefix, path);
        String custom = customText(error, keyword, schemaRoot);
        String text = custom != null ? custom : defaultText(keyword, error);
        return new Violation(field, text, reason(prefix, path, keyword));
    }

    private static String defaultText(String keyword, ValidationMessage error) {
        JsonNode schemaValue = error.getSchemaNode();
        return switch (keyword) {
            case "required" -> "is required";
            case "enum" -> "must be one of " + listOf(schemaValue);
            case "const" -> "must be " + schemaValue;
            case "type", "unionType" -> "must be " + typeWords(schemaValue);
            case "minLength" -> schemaValue.asInt() == 1
                    ? "must not be empty"
                    : "must be at least " + schemaValue.asInt() + " characters";
            case "pattern" -> "must match " + schemaValue.asText();
            case "format" -> "must be a valid " + schemaValue.asText();
            default -> withoutLocation(error);
        };
    }

    private static RejectionReason reason(String prefix, List<String> path, String keyword) {
        boolean envelope = prefix.isEmpty();
        String top = path.isEmpty() ? "" : path.get(0);
        if (envelope && (path.isEmpty() || top.equals("specversion"))) {
            return RejectionReason.NOT_CLOUDEVENT;
        }
        if (envelope && top.equals("type") && !keyword.equals("required")) {
            return RejectionReason.UNKNOWN_TYPE;
        }
        if (envelope && top.equals("subject") && !keyword.equals("required")) {
            return RejectionReason.BAD_SUBJECT;
        }
        return switch (keyword) {
            case "required" -> RejectionReason.MISSING_FIELD;
            case "enum", "const" -> RejectionReason.BAD_ENUM;
            case "format" -> RejectionReason.BAD_DATE;
            default -> RejectionReason.BAD_VALUE;
        };
    }

    /** The {@code errorMessage} beside the failed keyword in the schema, if the schema has one. */
    private static String customText(ValidationMessage error, String keyword, JsonNode schemaRoot) {
        JsonNode parent = schemaRoot;
        List<String> schemaPath = names(error.getSchemaLocation().getFragment());
        for (String step : schemaPath.subList(0, Math.max(0, schemaPath.size() - 1))) {
            parent = parent.isArray() ? parent.path(Integer.parseInt(step)) : parent.path(step);
        }
        JsonNode custom = parent.path(ERROR_MESSAGE).path(keyword);
        if (!custom.isTextual()) {
            return null;
        }
        JsonNode value = error.getInstanceNode();
        String shown = value == null ? "null" : value.isTextual() ? value.asText() : value.toString();
        return custom.asText().replace("${value}", shown);
    }

    private static String listOf(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v.isTextual() ? v.asText() : v.toString()));
        return shown.toString();
    }

    private static String typeWords(JsonNode type) {
        List<String> words = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> words.add(t.asText()));
        } else {
            words.add(type.asText());
        }
        String first = words.get(0);
        String article = "aeiou".indexOf(first.charAt(0)) >= 0 ? "an " : "a ";
        return article + String.join(" or ", words);
    }

    private static String withoutLocation(ValidationMessage error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }

    private static List<String> names(JsonNodePath path) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            names.add(String.valueOf(path.getElement(i)));
        }
        return names;
    }

    private static String dotted(String prefix, List<String> path) {
        List<String> parts = new ArrayList<>();
        if (!prefix.isEmpty()) {
            parts.add(prefix);
        }
        parts.addAll(path);
        return parts.isEmpty() ? "event" : parts.stream().collect(Collectors.joining("."));
    }
}
