package io.github.mcsync.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;

/**
 * JSON Schema validation with com.networknt:json-schema-validator (it parses with Jackson 3 of its own: schema and
 * instance are handed over as JSON text). The dialect is the schema's $schema, else draft 4 (OpenAPI v3 schemas such
 * as a CRD's are a draft 4 subset with extension keywords, which are ignored).
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /** The validation errors of the instance ("where: what"), empty when it is valid. */
    static List<String> errors(JsonNode schema, JsonNode instance) {
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft4());
            Schema s = registry.getSchema(DeployFiles.JSON.writeValueAsString(schema), InputFormat.JSON);
            return s.validate(DeployFiles.JSON.writeValueAsString(instance), InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
