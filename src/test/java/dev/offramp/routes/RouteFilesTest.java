package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stands in for the camel-yaml-dsl validator plugin (not available here): every route file must
 * parse on its own, so an ops edit that breaks one fails the build and names the file. A file of
 * {@code templatedRoute}s is loaded after the route templates (files holding a {@code routeTemplate}),
 * as the bundle does: Camel adds templated routes after every file's templates and routes.
 */
class RouteFilesTest {

    private static final Pattern ROUTE_ID = Pattern.compile("^\\s+id:\\s*([\\w.-]+)\\s*$", Pattern.MULTILINE);

    static Stream<Path> routeFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).as("route files under routes/").isNotEmpty();
        // and the bench's, which the bundle loads when bench/run asks
        try (Stream<Path> walk = Files.walk(Path.of("bench", "routes"))) {
            files = Stream.concat(files.stream(), walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted()).toList();
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void parses(Path file) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            if (Files.readString(file).contains("templatedRoute:")) {
                for (Path templates : routeFiles().filter(RouteFilesTest::holdsTemplates).toList()) {
                    PluginHelper.getRoutesLoader(context).loadRoutes(
                            ResourceHelper.resolveMandatoryResource(context, "file:" + templates));
                }
            }
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + file);
            assertThatCode(() -> PluginHelper.getRoutesLoader(context).loadRoutes(resource))
                    .as(file.toString()).doesNotThrowAnyException();
        }
    }

    private static boolean holdsTemplates(Path file) {
        try {
            return Files.readString(file).contains("- routeTemplate:");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routeIdsAreKebabCaseAndUnique() throws Exception {
        List<String> ids = routeFiles().flatMap(f -> {
            try {
                Matcher m = ROUTE_ID.matcher(Files.readString(f));
                return m.results().map(r -> r.group(1)).toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void aBrokenFileIsReported() throws Exception {
        Path broken = Files.createTempFile("broken", ".camel.yaml");
        Files.writeString(broken, "- route:\n    id: broken\n    from:\n      uri: direct:x\n      steps:\n        - nonsenseStep: {}\n");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + broken);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> PluginHelper.getRoutesLoader(context).loadRoutes(resource));
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static final Pattern SQL_URI = Pattern.compile("^(\\s*)uri: sql:classpath:(sql/[\\w/-]+\\.sql)\\s*$");
    private static final Pattern PARAMETERS_COUNT = Pattern.compile("^\\s*parametersCount: (\\d+)\\s*$");

    /**
     * A SQL endpoint that states its parameters count (which spares camel-sql a database round trip per
     * statement to ask for it) must state the number of named parameters its SQL file really has: an
     * edit to the SQL that adds or removes one must update the route too.
     */
    @ParameterizedTest
    @MethodSource("routeFiles")
    void statedParameterCountsMatchTheirSqlFiles(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher uri = SQL_URI.matcher(lines.get(i));
            if (!uri.matches()) {
                continue;
            }
            int indent = uri.group(1).length();
            for (int j = i + 1; j < lines.size() && indentOf(lines.get(j)) >= indent && !lines.get(j).trim().startsWith("- "); j++) {
                Matcher stated = PARAMETERS_COUNT.matcher(lines.get(j));
                if (stated.matches()) {
                    assertThat(Integer.parseInt(stated.group(1)))
                            .as("%s line %d: parametersCount of %s", file, j + 1, uri.group(2))
                            .isEqualTo(namedParameters(Path.of("src/main/resources", uri.group(2))));
                }
            }
        }
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.isBlank() ? Integer.MAX_VALUE : n;
    }

    private static int namedParameters(Path sql) throws IOException {
        int count = 0;
        for (String line : Files.readAllLines(sql)) {
            if (line.trim().startsWith("--")) {
                continue;
            }
            for (int at = line.indexOf(":#"); at >= 0; at = line.indexOf(":#", at + 2)) {
                count++;
            }
        }
        return count;
    }
}
