package io.github.mcsync.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.mcsync.Fixtures;
import io.github.mcsync.SyncHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route files are read from a routes/ folder on disk; an XML route dropped there loads beside the YAML ones. */
class RouteLoadingTest {
    @TempDir
    Path stateDir;
    @TempDir
    Path routesDir;

    @Test
    void anXmlRouteDroppedIntoTheRoutesFolderLoads() throws Exception {
        Fixtures.copyRoutes(routesDir);
        Files.writeString(routesDir.resolve("hello.camel.xml"), """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="xmlHello">
                    <from uri="direct:xmlHello"/>
                    <setBody><simple>hello ${body} from XML</simple></setBody>
                  </route>
                </routes>
                """);
        try (SyncHarness sync = new SyncHarness(stateDir).with("routes.location", "file:" + routesDir.toAbsolutePath()).start()) {
            assertNotNull(sync.app().context().getRoute("xmlHello"));
            assertNotNull(sync.app().context().getRoute("pollMoodle"), "the YAML routes load from the same folder");
            assertEquals("hello Moodle from XML",
                    sync.app().context().createProducerTemplate().requestBody("direct:xmlHello", "Moodle", String.class));
        }
    }
}
