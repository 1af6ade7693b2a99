package dev.offramp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the container image without building it (this machine cannot pull base
 * images): the jar it copies is the one Maven builds, the folders it copies exist and sit where the bundle
 * reads them, the ports it exposes are the configuration's defaults, it runs as a non-root user, and java
 * is started in exec form (PID 1, so SIGTERM reaches Camel and JAVA_TOOL_OPTIONS is the JVM's own).
 */
class DockerfileTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    final List<String> lines = instructions();

    @Test
    void theRuntimeStageCopiesTheJarMavenBuildsAndTheFoldersTheBundleReads() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>offramp-bundle</artifactId>").contains("<finalName>${project.artifactId}</finalName>");
        assertThat(lines).contains("COPY --from=build /build/target/offramp-bundle.jar /app/offramp-bundle.jar");
        // the build stage builds it with the README's command
        assertThat(lines).contains("RUN mvn -B -q -DskipTests package");
        for (String folder : List.of("routes", "config")) {
            assertThat(lines).contains("COPY " + folder + " /app/" + folder);
            assertThat(ROOT.resolve(folder)).isDirectory();
        }
        // the bundle reads ./routes and ./config from its working directory
        assertThat(lines).contains("WORKDIR /app");
        assertThat(Files.readString(ROOT.resolve("config/application.properties")))
                .contains("camel.main.routes-include-pattern = file:routes/**/*.camel.yaml");
        // and the build context holds what the two stages copy
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("*", "!pom.xml", "!src", "!routes", "!config", "routes/kustomization.yaml");
    }

    @Test
    void itExposesTheConfiguredPortsAndRunsProdAsANonRootUser() throws IOException {
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("config/application.properties"))) {
            defaults.load(in);
        }
        String expose = lines.stream().filter(l -> l.startsWith("EXPOSE ")).findFirst().orElseThrow();
        assertThat(expose.substring("EXPOSE ".length()).split(" "))
                .containsExactlyInAnyOrder(defaults.getProperty("offramp.http-port"), defaults.getProperty("offramp.management-port"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).isEqualTo("USER 10001:10001");
        assertThat(lines).contains("ENV CAMEL_MAIN_PROFILE=prod");
        assertThat(ROOT.resolve("config/application-prod.properties")).isRegularFile();
        // exec form: no shell between the container and the JVM
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/app/offramp-bundle.jar\"]");
    }

    @Test
    void twoStagesAndOnlyAJreAtRunTime() {
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM maven:[^ ]*temurin-17 AS build");
        assertThat(from.get(1)).matches("FROM eclipse-temurin:17-jre");
    }

    /** The Dockerfile's instructions, comments dropped and continuation lines joined. */
    static List<String> instructions() {
        try {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String raw : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher continued = Pattern.compile("(.*)\\\\$").matcher(line);
                if (continued.matches()) {
                    current.append(continued.group(1).strip()).append(' ');
                    continue;
                }
                out.add(current.append(line).toString());
                current.setLength(0);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
