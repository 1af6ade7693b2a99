package dev.offramp.apidocs;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The bundle's own API contract and its docs page. The contract is the hand-kept
 * {@code openapi/offramp-api.yaml} (the source of truth), answered as JSON at GET /api/v1/openapi.json;
 * the page at /api/docs is Swagger UI from the {@code org.webjars:swagger-ui} jar on the classpath (no
 * CDN), loading the document from /api/v1/openapi.json. Only the few Swagger UI files the page needs are
 * served, by name: nothing else on the classpath can be read through it.
 */
public final class ApiDocs {

    public static final String DOCUMENT = "openapi/offramp-api.yaml";
    static final String PAGE = "openapi/api-docs.html";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    /** The Swagger UI files the page loads, and their content types. */
    static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private final String documentJson;
    private final String webjarDirectory;

    public ApiDocs() {
        Object document = new Load(LoadSettings.builder().setLabel(DOCUMENT).build()).loadFromString(text(DOCUMENT));
        if (!(document instanceof Map<?, ?> map) || !String.valueOf(map.get("openapi")).startsWith("3.")) {
            throw new IllegalStateException(DOCUMENT + " is not an OpenAPI 3 document");
        }
        this.documentJson = JsonBodies.toJson(document);
        this.webjarDirectory = WEBJAR + webjarVersion() + "/";
    }

    /** GET /api/v1/openapi.json: the contract as JSON. */
    public String openApiJson() {
        return documentJson;
    }

    /** GET /api/docs: the Swagger UI page. */
    public String page() {
        return text(PAGE);
    }

    /**
     * One of Swagger UI's files, by name.
     *
     * @throws ApiProblem 404 naming the file when it is not one the page loads
     */
    public byte[] asset(String name) {
        if (name == null || !ASSETS.containsKey(name)) {
            throw ApiProblem.notFound("docs file", String.valueOf(name));
        }
        return bytes(webjarDirectory + name);
    }

    public String assetType(String name) {
        return ASSETS.getOrDefault(name, "application/octet-stream");
    }

    private static String webjarVersion() {
        try (InputStream in = resource(WEBJAR_VERSION)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath");
        }
        return in;
    }
}
