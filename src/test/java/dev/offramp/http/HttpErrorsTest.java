package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    @Test
    void everyStatusIsTheJsonErrorShape() throws Exception {
        for (int status : new int[] {400, 404, 405, 413, 415, 418, 500, 503}) {
            JsonNode error = new ObjectMapper().readTree(HttpErrors.body(status)).get("error");
            assertThat(error.get("code").asText()).isNotBlank();
            assertThat(error.get("message").asText()).isNotBlank();
            assertThat(error.has("field")).isTrue();
            assertThat(error.has("upstream")).isTrue();
        }
        assertThat(HttpErrors.body(404)).contains("\"not_found\"");
        assertThat(HttpErrors.body(405)).contains("\"method_not_allowed\"");
        assertThat(HttpErrors.body(502)).contains("\"internal_error\"");
    }

    @Test
    void aRequestNoRouteTookIs404Or405OrWhenItsMethodIsServed406() {
        assertThat(HttpErrors.noRouteStatus("GET", java.util.Set.of())).isEqualTo(404);
        assertThat(HttpErrors.noRouteStatus("DELETE", java.util.Set.of("GET"))).isEqualTo(405);
        // GET is served there: only the Accept header can have kept the route from taking it
        assertThat(HttpErrors.noRouteStatus("get", java.util.Set.of("GET", "POST"))).isEqualTo(406);
        assertThat(HttpErrors.body(406)).contains("\"not_acceptable\"");
    }

    @Test
    void allowListsTheMethodsOfEveryMatchingPattern() {
        List<HttpErrors.Route> routes = List.of(new HttpErrors.Route("/api/v1/orders/:id", List.of("GET")),
                new HttpErrors.Route("/api/v1/orders/{id}/cancel", List.of("POST")),
                new HttpErrors.Route("/api/v1/orders", List.of("GET")),
                new HttpErrors.Route("/api/v1/orders", List.of("post")),
                new HttpErrors.Route("/sandbox/unigox/*", List.of("GET", "POST")));
        assertThat(HttpErrors.allowed("/api/v1/orders/abc", routes)).containsExactly("GET");
        assertThat(HttpErrors.allowed("/api/v1/orders/abc/", routes)).containsExactly("GET");
        assertThat(HttpErrors.allowed("/api/v1/orders/abc/cancel", routes)).containsExactly("POST");
        assertThat(HttpErrors.allowed("/api/v1/orders", routes)).containsExactly("GET", "POST");
        assertThat(HttpErrors.allowed("/sandbox/unigox/a/b", routes)).containsExactly("GET", "POST");
        assertThat(HttpErrors.allowed("/api/v1/orders//cancel", routes)).isEmpty();
        assertThat(HttpErrors.allowed("/api/v1/nope", routes)).isEmpty();
        assertThat(HttpErrors.allowed(null, routes)).isEmpty();
    }

    @Test
    void infoSaysWhatRunsAndSinceWhenOnly() {
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, Object> info = InfoAnswer.of("offramp-bundle", null, "4.18.0", started, started.plusSeconds(90));
        assertThat(info).containsEntry("name", "offramp-bundle").containsEntry("version", "unknown")
                .containsEntry("camel_version", "4.18.0").containsEntry("uptime_seconds", 90L)
                .containsEntry("started_at", "2026-01-01T00:00:00Z").containsKey("java_version").hasSize(6);
    }
}
