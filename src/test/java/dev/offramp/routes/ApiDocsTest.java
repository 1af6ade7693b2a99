package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.OffRampApiContractExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API contract as the bundle serves it: GET /api/v1/openapi.json without a key is the hand-kept
 * document itself, and /api/docs is Swagger UI loading it, every file from the bundle (no CDN).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18630", "offramp.management-port=19630",
            "offramp.db.url=jdbc:h2:mem:api-docs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
class ApiDocsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void connect() {
        bundle = new Bundle(context);
    }

    @Test
    void theDocumentIsServedWithoutAKeyAndIsTheHandKeptFile() throws Exception {
        HttpResponse<String> answer = bundle.get("/api/v1/openapi.json", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode served = JSON.readTree(answer.body());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/offramp-api.yaml")) {
            assertThat(served).isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(in));
        }
        assertThat(served.get("openapi").asText()).startsWith("3.0");
        assertThat(served.at("/components/securitySchemes/ApiKey/name").asText()).isEqualTo("X-API-Key");
        // with a key too (Swagger UI's "Authorize" may send one)
        assertThat(bundle.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
    }

    @Test
    void theDocsPageIsSwaggerUiFromTheBundleLoadingTheDocument() throws Exception {
        HttpResponse<String> page = plain("/api/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("url: \"/api/v1/openapi.json\"").contains("SwaggerUIBundle(")
                .doesNotContain("http://", "https://", Bundle.API_KEY);
        List<String> files = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) {
            files.add(m.group(1));
        }
        assertThat(files).as("everything the page loads").isNotEmpty()
                .allSatisfy(f -> assertThat(f).startsWith("/api/docs/swagger-ui/"))
                .contains("/api/docs/swagger-ui/swagger-ui-bundle.js", "/api/docs/swagger-ui/swagger-ui.css");
        for (String file : files) {
            HttpResponse<String> asset = plain(file);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).isNotEmpty();
            String type = asset.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(file).startsWith(file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "image/png");
        }
        assertThat(plain("/api/docs/swagger-ui/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
    }

    /** A browser's request: no key. */
    HttpResponse<String> plain(String path) throws Exception {
        int port = Integer.parseInt(context.resolvePropertyPlaceholders("{{offramp.http-port}}"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
