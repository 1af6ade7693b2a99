package dev.offramp.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle's own API contract ({@code src/main/resources/openapi/offramp-api.yaml}) against what the
 * bundle serves: every /api/v1 operation of the REST DSL in routes/ (and the platform-http routes under
 * /api/v1) is in it, and it lists none that does not exist; and each operation says what the contract
 * promises everywhere (the X-API-Key, the one error object, path parameters, Idempotency-Key where the
 * route reads it).
 */
class OffRampApiDocumentTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    static final Pattern PLATFORM_HTTP = Pattern.compile("uri:\\s*\"?platform-http:(/api/v1/[^?\"\\s]*)");

    /** The contract as written: references kept as references. */
    static OpenAPI contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OffRampApiContract.specText(), null, options);
        assertThat(result.getMessages()).as("the contract parses without a message").isEmpty();
        return result.getOpenAPI();
    }

    /** "METHOD /path" of every operation the routes serve under /api/v1, to the REST route id that serves it. */
    static Map<String, String> servedOperations() throws IOException {
        Map<String, String> served = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher platformHttp = PLATFORM_HTTP.matcher(text);
            while (platformHttp.find()) {
                // a platform-http route under /api/v1 restricted to one method (api-openapi-json)
                JsonNode routes = YAML.readTree(text);
                for (JsonNode item : routes) {
                    JsonNode from = item.path("route").path("from");
                    if (from.path("uri").asText().equals("platform-http:" + platformHttp.group(1))) {
                        String method = from.path("parameters").path("httpMethodRestrict").asText("");
                        assertThat(method).as(file + ": a platform-http route under /api/v1 names its one method").matches("[A-Z]+");
                        served.put(method + " " + platformHttp.group(1), item.path("route").path("id").asText());
                    }
                }
            }
            if (!file.getFileName().toString().endsWith("-rest.camel.yaml")) {
                continue;
            }
            for (JsonNode item : YAML.readTree(text)) {
                JsonNode rest = item.path("rest");
                if (rest.isMissingNode()) {
                    continue;
                }
                String base = rest.path("path").asText("");
                for (String verb : VERBS) {
                    for (JsonNode op : rest.path(verb)) {
                        String path = (base + op.path("path").asText("")).replaceAll("//+", "/");
                        if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
                            served.put(verb.toUpperCase(Locale.ROOT) + " " + path, op.path("id").asText(file.toString()));
                        }
                    }
                }
            }
        }
        return served;
    }

    static Map<String, Operation> documentedOperations(OpenAPI api) {
        Map<String, Operation> documented = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> documented.put(method.name() + " " + path, op)));
        return documented;
    }

    @Test
    void everyServedApiOperationIsDocumentedAndNothingElse() throws Exception {
        Set<String> served = servedOperations().keySet();
        Set<String> documented = documentedOperations(contract()).keySet();

        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertThat(missing).as("operations the routes serve that " + OffRampApiContract.SPEC + " lacks").isEmpty();
        assertThat(extra).as("operations " + OffRampApiContract.SPEC + " lists that no route serves").isEmpty();
        assertThat(served).as("the REST DSL was found").hasSizeGreaterThan(30).contains("GET /api/v1/orders/{id}", "GET /api/v1/openapi.json");
    }

    @Test
    void everyOperationNeedsTheKeyAndAnswersTheOneErrorObject() {
        OpenAPI api = contract();
        assertThat(api.getComponents().getSecuritySchemes().get("ApiKey")).satisfies(scheme -> {
            assertThat(scheme.getType().toString()).isEqualTo("apiKey");
            assertThat(scheme.getIn().toString()).isEqualTo("header");
            assertThat(scheme.getName()).isEqualTo("X-API-Key");
        });
        assertThat(api.getSecurity()).as("the key is required unless an operation says otherwise").isNotEmpty();
        List<String> problems = new ArrayList<>();
        documentedOperations(api).forEach((name, op) -> {
            boolean open = name.equals("GET /api/v1/openapi.json");
            if (open != (op.getSecurity() != null && op.getSecurity().isEmpty())) {
                problems.add(name + (open ? " must need no key (security: [])" : " must not waive the key"));
            }
            if (!open && (op.getSecurity() == null || op.getSecurity().stream().noneMatch(r -> r.containsKey("ApiKey")))) {
                problems.add(name + " must state the ApiKey requirement itself (the global one is not read by every tool)");
            }
            if (op.getResponses().getDefault() == null
                    || !"#/components/schemas/Error".equals(schemaRef(api, op.getResponses().getDefault()))) {
                problems.add(name + " has no default response with the Error schema");
            }
            op.getResponses().forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && !"#/components/schemas/Error".equals(schemaRef(api, response))) {
                    problems.add(name + " answers " + status + " with another body than the Error schema");
                }
            });
            if (!open && op.getResponses().get("401") == null) {
                problems.add(name + " does not declare its 401");
            }
            if (op.getResponses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                problems.add(name + " declares no 2xx answer");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void pathParametersAreDeclaredAndIdempotencyKeyWhereTheRouteReadsIt() throws Exception {
        OpenAPI api = contract();
        List<String> problems = new ArrayList<>();
        Set<String> idempotent = new TreeSet<>();
        Map<String, String> served = servedOperations();
        for (Map.Entry<String, String> op : served.entrySet()) {
            if (routeReadsIdempotencyKey(op.getValue())) {
                idempotent.add(op.getKey());
            }
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            Set<String> inPath = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            path.getValue().readOperationsMap().forEach((method, op) -> {
                String name = method.name() + " " + path.getKey();
                List<Parameter> params = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    params.addAll(path.getValue().getParameters());
                }
                if (op.getParameters() != null) {
                    params.addAll(op.getParameters());
                }
                params.replaceAll(p -> p.get$ref() == null ? p
                        : api.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)));
                Set<String> declared = new TreeSet<>();
                params.stream().filter(p -> "path".equals(p.getIn())).forEach(p -> declared.add(p.getName()));
                if (!declared.equals(inPath)) {
                    problems.add(name + " declares path parameters " + declared + ", its path has " + inPath);
                }
                boolean takesKey = params.stream().anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equals(p.getName()));
                if (takesKey != idempotent.contains(name)) {
                    problems.add(name + (takesKey ? " documents an Idempotency-Key its route does not read"
                            : " does not document the Idempotency-Key its route reads"));
                }
            });
        }
        assertThat(idempotent).as("operations whose route reads Idempotency-Key").contains("POST /api/v1/offramp/orders");
        assertThat(problems).isEmpty();
    }

    /** Does the route behind this REST operation (rest id → to: direct:x → the route from direct:x) read the Idempotency-Key header? */
    static boolean routeReadsIdempotencyKey(String restId) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).toList();
        }
        String target = null;
        for (Path file : files) {
            for (JsonNode item : YAML.readTree(Files.readString(file))) {
                for (String verb : VERBS) {
                    for (JsonNode op : item.path("rest").path(verb)) {
                        if (op.path("id").asText().equals(restId)) {
                            target = op.path("to").isTextual() ? op.path("to").asText() : op.path("to").path("uri").asText();
                        }
                    }
                }
            }
        }
        if (target == null) {
            return false;
        }
        for (Path file : files) {
            String text = Files.readString(file);
            for (JsonNode item : YAML.readTree(text)) {
                if (item.path("route").path("from").path("uri").asText().equals(target)) {
                    return item.toString().contains("header.Idempotency-Key");
                }
            }
        }
        return false;
    }

    /** The schema reference of a response's JSON body, through a reference to a shared response. */
    private static String schemaRef(OpenAPI api, io.swagger.v3.oas.models.responses.ApiResponse response) {
        if (response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            io.swagger.v3.oas.models.responses.ApiResponse shared = api.getComponents().getResponses().get(name);
            return shared == null ? null : schemaRef(api, shared);
        }
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return null;
        }
        return response.getContent().get("application/json").getSchema().get$ref();
    }
}
