package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bundle's output with OFFRAMP_LOG_FORMAT=json must be: every line one JSON object in the Elastic
 * Common Schema layout; each request's line with its route, correlation and order ids as fields; a status
 * change's line, written by a route while the order is handled, with the order's id and the route's.
 */
final class JsonLines {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern REQUEST = Pattern.compile("POST /api/v1/offramp/orders -> 201 in \\d+ ms order=([0-9a-f-]{36}) correlation=(\\S+)");
    static final Pattern STATUS_CHANGE = Pattern.compile("^order ([0-9a-f-]{36})(?: finished| needs attention)?: \\S+ -> ");

    private JsonLines() {
    }

    static void assertEveryLineIsEcsJsonWithItsIds(String output) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertThat(node.isObject()).as(line).isTrue();
            for (String field : List.of("@timestamp", "log.level", "message", "log.logger", "ecs.version")) {
                assertThat(node.has(field)).as("%s in %s", field, line).isTrue();
            }
            lines.add(node);
        }
        assertThat(lines).hasSizeGreaterThan(50);

        int requests = 0;
        int statusChanges = 0;
        for (JsonNode line : lines) {
            String message = line.get("message").asText();
            Matcher request = REQUEST.matcher(message);
            if (request.find()) {
                requests++;
                assertThat(line.path("offramp.order_id").asText()).as(message).isEqualTo(request.group(1));
                assertThat(line.path("offramp.correlation_id").asText()).as(message).isEqualTo(request.group(2));
                assertThat(line.path("camel.routeId").asText()).as(message).isNotEmpty();
            }
            Matcher change = STATUS_CHANGE.matcher(message);
            if (change.find()) {
                statusChanges++;
                assertThat(line.path("offramp.order_id").asText()).as(message).isEqualTo(change.group(1));
                assertThat(line.path("camel.routeId").asText()).as(message).isNotEmpty();
            }
        }
        assertThat(requests).as("order creations logged").isGreaterThanOrEqualTo(2);
        assertThat(statusChanges).as("status changes logged").isPositive();
    }
}
