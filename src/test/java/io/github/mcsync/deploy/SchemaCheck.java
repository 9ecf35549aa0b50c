package io.github.mcsync.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Schema validation with com.networknt:json-schema-validator (it parses with Jackson 3 of its own: schema and
 * instance are handed over as JSON text). The dialect is the schema's $schema, else draft 4, or OpenAPI 3.0 for a CRD.
 */
final class SchemaCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\{\\{([^{}]+)}}$");

    private SchemaCheck() {
    }

    /** The validation errors of the instance ("where: what"), empty when it is valid. */
    static List<String> errors(JsonNode schema, JsonNode instance) {
        return raw(schema, instance, Dialects.getDraft4()).stream().map(SchemaCheck::text).toList();
    }

    /** The same against an OpenAPI 3.0 schema (a CRD's openAPIV3Schema: nullable, int-or-string and x- keywords). */
    static List<String> openApiErrors(JsonNode schema, JsonNode instance) {
        return raw(schema, instance, Dialects.getOpenApi30()).stream().map(SchemaCheck::text).toList();
    }

    /**
     * Route files against Camel's YAML DSL schema, read as Camel reads them: Camel's model keeps every option as text,
     * so a scalar whose text is of the type the schema asks for is accepted (`maximumRedeliveries: "4"`,
     * `constant: 429`), and a property placeholder `{{key}}` counts as the value application.properties gives it.
     * Anything else (an unknown step or option, a value of the wrong kind, a missing required option) is an error.
     */
    static List<String> camelErrors(JsonNode schema, JsonNode routes, Properties properties) {
        JsonNode instance = routes.deepCopy();
        for (int round = 0; round < 50; round++) {
            List<Error> errors = raw(schema, instance, Dialects.getDraft4());
            boolean changed = false;
            for (Error e : errors) {
                if (!"type".equals(e.getKeyword()) || e.getArguments() == null || e.getArguments().length < 2) {
                    continue;
                }
                String location = e.getInstanceLocation().toString();
                JsonNode value = location.isEmpty() || location.equals("$") ? instance : instance.at(JsonPointer.compile(location));
                JsonNode coerced = coerce(value, String.valueOf(e.getArguments()[1]), properties);
                if (coerced != null) {
                    replace(instance, location, coerced);
                    changed = true;
                    break; // the rest of the errors may be about the old value
                }
            }
            if (!changed) {
                return errors.stream().map(SchemaCheck::text).toList();
            }
        }
        throw new AssertionError("no fixed point reading " + routes);
    }

    private static JsonNode coerce(JsonNode value, String expected, Properties properties) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        Matcher m = PLACEHOLDER.matcher(text);
        if (m.matches()) {
            String resolved = properties.getProperty(m.group(1).strip());
            if (resolved == null) {
                return null;
            }
            text = resolved.strip();
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (expected) {
            case "string":
                return value.isTextual() ? null : f.textNode(text);
            case "boolean":
                return text.equals("true") || text.equals("false") ? f.booleanNode(Boolean.parseBoolean(text)) : null;
            case "integer":
                return text.matches("-?\\d+") ? f.numberNode(Long.parseLong(text)) : null;
            case "number":
                return text.matches("-?\\d+(\\.\\d+)?") ? f.numberNode(new java.math.BigDecimal(text)) : null;
            default:
                return null;
        }
    }

    private static void replace(JsonNode root, String location, JsonNode value) {
        JsonPointer pointer = JsonPointer.compile(location);
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    private static String text(Error e) {
        return e.getInstanceLocation() + ": " + e.getMessage();
    }

    private static List<Error> raw(JsonNode schema, JsonNode instance, Dialect dialect) {
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
            Schema s = registry.getSchema(DeployFiles.JSON.writeValueAsString(schema), InputFormat.JSON);
            return s.validate(DeployFiles.JSON.writeValueAsString(instance), InputFormat.JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
