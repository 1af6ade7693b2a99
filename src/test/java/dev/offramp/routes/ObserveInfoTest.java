package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, class 8: GET /observe/info on the management port answered 500 (Camel's info endpoint needs
 * the JMX the bundle turns off). It is the bundle's own small answer now: name, version, Camel version,
 * start and uptime, as JSON, and nothing else (no setting, no key).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18443", "offramp.management-port=19443",
            "offramp.db.url=jdbc:h2:mem:observe-info;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "unigox.webhook.register-on-startup=false", "offramp.memory.release-after-start-seconds=1"
        })
class ObserveInfoTest {

    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    @BeanInject
    CamelContext context;

    HttpResponse<String> management(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:19443" + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void infoIsServedWithoutJmx() throws Exception {
        HttpResponse<String> r = management("GET", "/observe/info");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode info = new ObjectMapper().readTree(r.body());
        assertThat(info.get("name").asText()).isEqualTo("offramp-bundle");
        assertThat(info.get("camel_version").asText()).startsWith("4.18");
        assertThat(info.has("version")).isTrue();
        assertThat(info.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(info.get("started_at").asText()).isNotBlank();
        // what it is, not how it is set up
        assertThat(info.size()).isEqualTo(6);
        assertThat(r.body()).doesNotContain("test-api-key").doesNotContain("test-admin-key").doesNotContainIgnoringCase("jdbc")
                .doesNotContain("sandbox-unigox");
    }

    @Test
    void theHealthAndMetricsNextToItStillAnswer() throws Exception {
        assertThat(management("GET", "/observe/health").statusCode()).isEqualTo(200);
        assertThat(management("GET", "/observe/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void theMemoryStartUpNeededIsReleasedOnceAfterIt() {
        // offramp.memory.release-after-start-seconds (1 here): a full collection and the native-heap trim,
        // counted in bytes on the metrics endpoint
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(management("GET", "/observe/metrics").body())
                .containsPattern("(?m)^offramp_memory_released_after_start_bytes_total(\\{[^}]*\\})? [0-9.E]+$"));
    }

    @Test
    void anotherMethodOrAnUnknownPathIsTheJsonError() throws Exception {
        HttpResponse<String> post = management("POST", "/observe/info");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow").orElse("")).contains("GET");
        assertThat(post.body()).contains("\"method_not_allowed\"");
        HttpResponse<String> unknown = management("GET", "/observe/infox");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"not_found\"");
    }
}
