package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;

/**
 * Throws generated input at every operation of the REST DSL, as found in the running bundle (so an
 * operation added later is fuzzed without touching this test): random JSON shapes whose fields carry
 * the API's own field names, boundary numbers, control characters, long strings, and hostile path
 * ids and query strings. Every answer must be 2xx or 4xx, never 5xx, and every 4xx the bundle's JSON
 * error. Run on H2 and on PostgreSQL (which refuses some text H2 stores). Bounded: a fixed seed (a failure names it and the request, so it can be replayed), a fixed
 * number of requests per operation, and a time budget for the whole run.
 */
@ExtendWith(OffRampApiContractExtension.class)
abstract class RestOperationsFuzzContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    static final int BODIES_PER_OPERATION = Integer.getInteger("fuzz.bodies", 12);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 90));

    /** Field names the API reads somewhere: a random shape is more likely to reach real validation. */
    static final List<String> FIELDS = List.of("provider", "provider_code", "quote_id", "user_id", "user_ref", "email",
            "currency_from", "currency_to", "amount_from", "country", "state", "refund_address", "payment_method",
            "crypto_currency", "crypto_amount", "fiat_currency", "fiat_amount", "payment_details_id", "currency", "rail",
            "details", "iban", "full_name", "method", "data", "pii", "first_name", "forward_request", "from", "to", "value",
            "gas", "nonce", "deadline", "signature", "wallet_address", "status", "document_type", "reason", "url");

    static final List<Object> ODD_VALUES = List.of(0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e-308, "1e999999999",
            "-0", "NaN", "Infinity", "0x10", "", " ", "\u0000", "\u0000abc", "a\u0007b", "\ud800", "\u202e", "<script>",
            "' OR 1=1 --", "../../etc/passwd", "%00", "${jndi:ldap://x}", "{{offramp.api-keys}}", "${header.X-API-Key}",
            true, false);

    @BeanInject
    CamelContext context;

    @Test
    void noOperationAnswers5xxAndEveryRefusalIsTheJsonError() throws Exception {
        Bundle bundle = new Bundle(context);
        Random random = new Random(SEED);
        Instant deadline = Instant.now().plus(BUDGET);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<String[]> operations = operations();
        assertThat(operations).as("the REST DSL operations found in the bundle").hasSizeGreaterThan(20);

        for (String[] op : operations) {
            String method = op[0];
            String template = op[1];
            for (int i = 0; i < BODIES_PER_OPERATION && Instant.now().isBefore(deadline); i++) {
                String path = fill(template, random) + query(random);
                String body = method.equals("GET") || method.equals("DELETE") ? null : body(random);
                String key = template.startsWith("/admin") ? Bundle.ADMIN_KEY : Bundle.API_KEY;
                Map<String, String> headers = Map.of("Content-Type", "application/json", "X-API-Key", key);
                HttpResponse<String> r = bundle.raw(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
                sent++;
                String problem = problem(r);
                if (problem != null) {
                    failures.add(method + " " + template + " as " + abbreviate(path) + " body=" + abbreviate(body) + " -> "
                            + r.statusCode() + " " + abbreviate(r.body()) + ": " + problem);
                }
            }
        }
        assertThat(sent).as("requests sent within the budget").isGreaterThan(operations.size());
        assertThat(failures).as("seed " + SEED + ": " + failures.size() + " of " + sent + " answers broke the contract (first 40 shown)")
                .isEmpty();
    }

    /** Why an answer breaks the contract, or null. */
    private static String problem(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            return "a 5xx";
        }
        if (r.statusCode() >= 400) {
            try {
                JsonNode error = JSON.readTree(r.body()).get("error");
                if (error == null || !error.hasNonNull("code") || !error.hasNonNull("message")) {
                    return "not the JSON error";
                }
            } catch (Exception notJson) {
                return "not JSON";
            }
        }
        return null;
    }

    /** Every verb of every REST definition, as {method, full path template}. */
    private List<String[]> operations() {
        List<String[]> ops = new ArrayList<>();
        for (RestDefinition rest : ((ModelCamelContext) context).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                ops.add(new String[] {verb.asVerb().toUpperCase(java.util.Locale.ROOT), path});
            }
        }
        return ops;
    }

    private static String fill(String template, Random random) {
        StringBuilder out = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/');
            out.append(segment.startsWith("{") ? pathValue(random) : segment);
        }
        return out.toString();
    }

    private static String pathValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "1";
            case 2 -> "%00";
            case 3 -> "a".repeat(1 + random.nextInt(3000));
            case 4 -> "%27%20OR%201%3D1";
            case 5 -> "%E2%80%AE";
            case 6 -> "..%2F..";
            default -> encode(randomString(random, 40));
        };
    }

    private static String query(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "?id=" + UUID.randomUUID() + "&id=x";
            case 2 -> "?limit=-1&offset=99999999999999999999&status=" + encode(randomString(random, 10));
            case 3 -> "?amount_from=1e999999999&currency_from=USDT&currency_to=EUR&country=DE";
            case 4 -> "?" + encode(FIELDS.get(random.nextInt(FIELDS.size()))) + "=%00";
            default -> "?updated_since=" + encode(randomString(random, 30)) + "&limit=" + random.nextInt();
        };
    }

    private static String body(Random random) throws Exception {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[]";
            case 3 -> "{}{}";
            case 4 -> "[".repeat(2000) + "]".repeat(2000);
            case 5 -> "{\"amount_from\":" + "9".repeat(2000) + "}";
            default -> JSON.writeValueAsString(object(random, 0));
        };
    }

    private static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(5) == 0 ? randomString(random, 12) : FIELDS.get(random.nextInt(FIELDS.size()));
            map.put(name, value(random, depth));
        }
        return map;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(7)) {
            case 0 -> ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
            case 1 -> depth < 3 ? object(random, depth + 1) : null;
            case 2 -> depth < 3 ? java.util.Arrays.asList(value(random, depth + 1), value(random, depth + 1)) : List.of();
            case 3 -> randomString(random, random.nextInt(2) == 0 ? 20 : 5000);
            case 4 -> random.nextInt(2) == 0 ? random.nextLong() : new java.math.BigDecimal(random.nextGaussian() * 1e6);
            case 5 -> null;
            default -> UUID.randomUUID().toString();
        };
    }

    private static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            s.append(kind == 0 ? (char) random.nextInt(32) : kind == 1 ? (char) (0x80 + random.nextInt(0x2000)) : (char) (32 + random.nextInt(95)));
        }
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
