package io.github.mcsync.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every routes/*.camel.yaml validates against Camel's YAML DSL JSON schema (schema/camelYamlDsl.json of camel-yaml-dsl),
 * read as Camel reads it (options are text; a {{placeholder}} is its value from application.properties: see
 * {@link SchemaCheck#camelErrors}).
 */
class RouteSchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RouteSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertNotNull(in, "camel-yaml-dsl ships schema/camelYamlDsl.json");
            schema = DeployFiles.JSON.readTree(in);
        }
    }

    @Test
    void everyRouteFileValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            JsonNode routes = DeployFiles.YAML.readTree(file.toFile());
            List<String> errors = SchemaCheck.camelErrors(schema, routes, DeployFiles.applicationProperties());
            assertTrue(errors.isEmpty(), file + ": " + errors);
        }
    }

    @Test
    void aMisspeltStepIsRejected() throws IOException {
        JsonNode broken = DeployFiles.YAML.readTree("""
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - sendTo:
                            uri: log:x
                """);
        assertFalse(SchemaCheck.camelErrors(schema, broken, new Properties()).isEmpty(), "sendTo is no EIP of the YAML DSL");
        JsonNode wrongKind = DeployFiles.YAML.readTree("""
                - route:
                    id: wrong
                    autoStartup: "{{moodle.poll.enabled}}"
                    from:
                      uri: direct:wrong
                      steps:
                        - to:
                            uri: log:x
                """);
        assertFalse(SchemaCheck.camelErrors(schema, wrongKind, new Properties()).isEmpty(),
                "a placeholder that resolves to nothing is not taken for a boolean");
        Properties p = new Properties();
        p.setProperty("moodle.poll.enabled", "maybe");
        assertFalse(SchemaCheck.camelErrors(schema, wrongKind, p).isEmpty(), "nor one whose value is no boolean");
        p.setProperty("moodle.poll.enabled", "false");
        assertTrue(SchemaCheck.camelErrors(schema, wrongKind, p).isEmpty(), "one whose value is a boolean is");
    }
}
