package dev.offramp.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bundle's own API contract ({@code src/main/resources/openapi/offramp-api.yaml}, the document
 * GET /api/v1/openapi.json serves) as a check of one real exchange with the bundle's /api/ paths, in
 * both directions:
 * <ul>
 *   <li>every answer is one the contract describes: its status is declared for the operation (or is
 *   the operation's {@code default}, the one error object), and its body matches that response's
 *   schema; an answer to a path or method the contract does not have must be the JSON error with 404,
 *   405 or 406 (the bundle serving something undocumented is a violation);</li>
 *   <li>every request the bundle accepted (a 2xx or 3xx answer) is one the contract accepts: path and
 *   query parameters, headers, the X-API-Key, the body's schema. A request the bundle refused (4xx) is
 *   not held to the contract: refusing what the contract does not allow is the bundle keeping it.</li>
 * </ul>
 * Plain Java, like {@link UnigoxContract}; {@link OffRampApiContractExtension} puts it in front of route
 * tests.
 */
public final class OffRampApiContract {

    static final String SPEC = "openapi/offramp-api.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "field", "upstream");
    private static volatile OffRampApiContract loaded;

    private final OpenApiInteractionValidator validator;

    private OffRampApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The contract, parsed once per JVM. */
    public static OffRampApiContract get() {
        OffRampApiContract contract = loaded;
        if (contract == null) {
            synchronized (OffRampApiContract.class) {
                if (loaded == null) {
                    loaded = new OffRampApiContract(OpenApiInteractionValidator.createForInlineApiSpecification(specText())
                            .withLevelResolver(LevelResolver.create()
                                    // the bundle ignores query parameters it does not know, by design (PathParametersWinTest:
                                    // ?id= never shadows the path's id); the contract names the ones that mean something
                                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                                    .build())
                            .build());
                }
                contract = loaded;
            }
        }
        return contract;
    }

    static String specText() {
        try (InputStream in = OffRampApiContract.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException(SPEC + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request to the bundle and its answer, as the test's HTTP client saw them. */
    public record Exchange(String method, String path, String query, Map<String, List<String>> requestHeaders, byte[] requestBody,
            int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** The contract violations of one exchange, each as one readable line; empty when it keeps the contract or is not under /api/. */
    public List<String> violations(Exchange e) {
        List<String> found = new ArrayList<>();
        if (!e.path().startsWith("/api/") || e.path().startsWith("/api/docs")) {
            return found;
        }
        String what = e.method() + " " + e.path() + (e.query() == null || e.query().isEmpty() ? "" : "?" + e.query());
        if (Set.of(414, 431).contains(e.status()) && (e.responseBody() == null || e.responseBody().isEmpty())) {
            // a request line or headers over the HTTP server's limits: Vert.x's decoder answers before any
            // handler of ours exists, with no body (not yet the JSON error; the contract's description says so)
            return found;
        }
        Request request = request(e);
        ValidationReport answer = validator.validateResponse(e.path(), request.getMethod(), response(e));
        if (answer.getMessages().stream().anyMatch(m -> m.getKey().endsWith(".path.missing") || m.getKey().endsWith(".operation.notAllowed"))) {
            // not an operation of the contract: only the JSON error of a path or method nobody serves will do
            if (!Set.of(404, 405, 406).contains(e.status()) || !isError(e.responseBody())) {
                found.add("answer " + e.status() + " to " + what + ": the contract has no such operation, yet the bundle answered "
                        + (isError(e.responseBody()) ? "an error other than 404/405/406" : "it: " + abbreviated(e.responseBody())));
            }
            return found;
        }
        collect(found, "answer " + e.status() + " to " + what, answer);
        if (e.status() < 400) {
            collect(found, "request " + what + " (answered " + e.status() + ")", validator.validateRequest(request));
        }
        return found;
    }

    /** Is this the one error object, {"error":{"code","message","field","upstream"}} and nothing else? */
    static boolean isError(String body) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root == null || !root.isObject() || root.size() != 1 || !root.path("error").isObject()) {
                return false;
            }
            Set<String> fields = new TreeSet<>();
            root.get("error").fieldNames().forEachRemaining(fields::add);
            return fields.equals(ERROR_FIELDS) && root.get("error").get("code").isTextual() && root.get("error").get("message").isTextual();
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String abbreviated(String body) {
        return body == null ? "(no body)" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static void collect(List<String> found, String what, ValidationReport report) {
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                found.add(what + ": [" + m.getKey() + "] " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo())
                        + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream()
                                .map(n -> n.getMessage() + n.getAdditionalInfo()).toList()));
            }
        }
    }

    private static Request request(Exchange e) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), e.path());
        e.requestHeaders().forEach((name, values) -> b.withHeader(name, values));
        if (e.query() != null && !e.query().isEmpty()) {
            for (String pair : e.query().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                b.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (e.requestBody() != null && e.requestBody().length > 0) {
            b.withBody(e.requestBody());
        }
        return b.build();
    }

    private static SimpleResponse response(Exchange e) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(e.status());
        e.responseHeaders().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                b.withHeader(name.toLowerCase(Locale.ROOT), values);
            }
        });
        e.responseHeaders().entrySet().stream().filter(h -> "content-type".equalsIgnoreCase(h.getKey()))
                .findFirst().ifPresent(h -> b.withContentType(h.getValue().get(0)));
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            b.withBody(e.responseBody());
        }
        return b.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
