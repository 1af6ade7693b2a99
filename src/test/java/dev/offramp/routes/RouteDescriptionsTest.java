package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every route says what it is for in its {@code description:} (visual editors such as Kaoto keep it; they
 * drop {@code #} comments), and a {@code direct:} route, which is called like a procedure, states its
 * contract: what it reads (In) and what it leaves (Out). And no route file needs a scroll bar.
 */
class RouteDescriptionsTest {

    /** The house rule: past 60 lines a file is split at a natural boundary, or says the same in fewer words. */
    static final int MAX_LINES = 60;

    @ParameterizedTest
    @MethodSource("routeFiles")
    void noRouteFileNeedsAScrollBar(Path file) throws IOException {
        assertThat(Files.readAllLines(file)).as("%s: split it at a natural boundary (one flow per file)", file)
                .hasSizeLessThanOrEqualTo(MAX_LINES);
    }

    private static final Pattern IN = Pattern.compile("\\bIn\\b");
    private static final Pattern OUT = Pattern.compile("\\bOut\\b");

    static Stream<Path> routeFiles() throws IOException {
        return RouteFilesTest.routeFiles();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void everyRouteIsDescribed(Path file) throws IOException {
        for (Map<?, ?> route : routes(file)) {
            Object id = route.get("id");
            Object description = route.get("description");
            assertThat(description).as("%s: route %s has no description", file, id).isInstanceOf(String.class);
            String text = ((String) description).strip();
            assertThat(text).as("%s: route %s has an empty description", file, id).isNotEmpty();
            Object from = route.get("from");
            String uri = from instanceof Map<?, ?> f ? String.valueOf(f.get("uri")) : "";
            if (uri.startsWith("direct:")) {
                assertThat(IN.matcher(text).find() && OUT.matcher(text).find())
                        .as("%s: direct route %s must state its inputs (In) and outputs (Out) in its description", file, id)
                        .isTrue();
            }
        }
    }

    /** The routes a file declares: each {@code route}, and the route of each {@code routeTemplate}. */
    static List<Map<?, ?>> routes(Path file) throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<Map<?, ?>> routes = new ArrayList<>();
        if (doc instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    if (m.get("route") instanceof Map<?, ?> r) {
                        routes.add(r);
                    }
                    if (m.get("routeTemplate") instanceof Map<?, ?> t && t.get("route") instanceof Map<?, ?> r) {
                        Map<String, Object> withId = new java.util.LinkedHashMap<>();
                        r.forEach((k, v) -> withId.put(String.valueOf(k), v));
                        withId.putIfAbsent("id", t.get("id"));
                        // a template's description may stand on the template itself
                        withId.putIfAbsent("description", t.get("description"));
                        routes.add(withId);
                    }
                }
            }
        }
        return routes;
    }
}
