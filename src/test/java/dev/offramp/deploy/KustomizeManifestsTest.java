package dev.offramp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.offramp.config.Settings;
import dev.offramp.config.Settings.Required;
import dev.offramp.config.Settings.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import dev.offramp.config.ConfigFiles;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kubernetes manifests under deploy/, rendered the way the README says (kubectl kustomize, which
 * must be installed: /usr/bin/kubectl on these machines; the test fails, never skips, without it) and
 * checked against the configuration: two replicas, probes on the management port's health paths, every
 * variable prod requires set, every secret from the Secret and never from a ConfigMap, a disruption budget
 * over the Deployment's pods, and every route file prod loads in the routes ConfigMap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KustomizeManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Map<String, JsonNode> byKind = new HashMap<>();
    final List<JsonNode> configMaps = new ArrayList<>();
    JsonNode container;

    @BeforeAll
    void render() throws Exception {
        for (JsonNode doc : kustomize("deploy/overlays/example")) {
            String kind = doc.get("kind").asText();
            if (kind.equals("ConfigMap")) {
                configMaps.add(doc);
            } else {
                assertThat(byKind.put(kind, doc)).as("one %s", kind).isNull();
            }
        }
        assertThat(byKind).containsOnlyKeys("Deployment", "Service", "PodDisruptionBudget", "Secret");
        assertThat(configMaps).hasSize(2);
        container = byKind.get("Deployment").at("/spec/template/spec/containers/0");
        // the base renders on its own too (an overlay of your own starts from it)
        assertThat(kustomize("deploy/base")).extracting(d -> d.get("kind").asText()).contains("Deployment");
    }

    @Test
    void twoReplicasProbedOnTheManagementPortsHealthPaths() throws IOException {
        JsonNode deployment = byKind.get("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        Properties defaults = ConfigFiles.load("config/application.properties");
        int management = Integer.parseInt(defaults.getProperty("offramp.management-port"));
        int http = Integer.parseInt(defaults.getProperty("offramp.http-port"));
        Map<String, Integer> ports = new HashMap<>();
        container.get("ports").forEach(p -> ports.put(p.get("name").asText(), p.get("containerPort").asInt()));
        assertThat(ports).containsEntry("management", management).containsEntry("http", http);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health/ready");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("management");
        }
        // the ports the settings name are the ones the container declares
        Map<String, String> settings = configMapData("offramp-settings");
        assertThat(settings).containsEntry("OFFRAMP_MANAGEMENT_PORT", Integer.toString(management))
                .containsEntry("OFFRAMP_HTTP_PORT", Integer.toString(http)).containsEntry("CAMEL_MAIN_PROFILE", "prod");
    }

    @Test
    void everyVariableProdRequiresIsSetAndEverySecretComesFromTheSecret() {
        Map<String, String> settings = configMapData("offramp-settings");
        Set<String> secretKeys = new HashSet<>();
        byKind.get("Secret").get("data").fieldNames().forEachRemaining(secretKeys::add);
        // the Deployment takes both whole, and sets nothing else by hand
        List<String> from = new ArrayList<>();
        container.get("envFrom").forEach(e -> from.add(e.has("secretRef")
                ? "secret:" + e.at("/secretRef/name").asText() : "configMap:" + e.at("/configMapRef/name").asText()));
        assertThat(from).containsExactly("configMap:" + configMapName("offramp-settings"),
                "secret:" + byKind.get("Secret").at("/metadata/name").asText());
        assertThat(container.has("env")).as("no variable set outside the ConfigMap and the Secret").isFalse();

        for (Setting s : Settings.ALL) {
            boolean required = s.required() != Required.NO; // both upstreams are on in the example
            if (required) {
                assertThat(settings.containsKey(s.variable()) || secretKeys.contains(s.variable()))
                        .as("%s is required in prod and set by deploy/overlays/example", s.variable()).isTrue();
            }
            if (s.secret()) {
                assertThat(settings).as("%s is a secret: never in a ConfigMap", s.variable()).doesNotContainKey(s.variable());
            } else {
                assertThat(secretKeys).as("%s is not a secret", s.variable()).doesNotContain(s.variable());
            }
        }
        // and what the Secret holds are the table's secrets, nothing the table does not know
        Set<String> tableSecrets = new HashSet<>(Settings.secrets().stream().map(Setting::variable).toList());
        assertThat(tableSecrets).containsAll(secretKeys);
    }

    @Test
    void theBenchmarkMeasuresTheFootprintWithTheMemoryThePodGets() throws IOException {
        // bench/run's "footprint as deployed" row starts the bundle as the JVM sees itself in this pod: the
        // memory limit as -XX:MaxRAM (what container support reads from the cgroup), plus JAVA_TOOL_OPTIONS
        String limit = container.at("/resources/limits/memory").asText();
        assertThat(limit).as("a limit in Mi").matches("\\d+Mi");
        String javaToolOptions = configMapData("offramp-settings").get("JAVA_TOOL_OPTIONS");
        String bench = Files.readString(ROOT.resolve("bench/src/main/java/dev/offramp/bench/Bench.java"));
        assertThat(bench).contains("\"-XX:MaxRAM=" + limit.replace("Mi", "m") + "\"");
        for (String option : javaToolOptions.trim().split("\\s+")) {
            assertThat(bench).contains("\"" + option + "\"");
        }
    }

    @Test
    void aDisruptionBudgetKeepsOneReplicaOfThisDeployment() {
        JsonNode pdb = byKind.get("PodDisruptionBudget");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(byKind.get("Deployment").at("/spec/selector/matchLabels"));
        assertThat(byKind.get("Service").at("/spec/selector")).isEqualTo(byKind.get("Deployment").at("/spec/selector/matchLabels"));
    }

    @Test
    void theRoutesConfigMapHoldsEveryRouteFileProdLoadsMountedWhereTheBundleReadsThem() throws IOException {
        Map<String, String> routes = configMapData("offramp-routes");
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(ROOT.resolve("routes"))) {
            walk.filter(p -> p.toString().endsWith(".camel.yaml")).filter(p -> !ROOT.resolve("routes/sandbox").equals(p.getParent()))
                    .forEach(p -> assertThat(files.put(p.getFileName().toString(), p))
                            .as("route file names are unique across routes/ (the ConfigMap is flat): %s", p).isNull());
        }
        assertThat(routes.keySet()).as("routes/kustomization.yaml lists every route file prod loads: run deploy/sync-routes")
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        for (Map.Entry<String, Path> f : files.entrySet()) {
            assertThat(routes.get(f.getKey())).isEqualTo(Files.readString(f.getValue()));
        }
        JsonNode mount = null;
        for (JsonNode m : container.get("volumeMounts")) {
            if (m.get("mountPath").asText().equals("/app/routes")) {
                mount = m;
            }
        }
        assertThat(mount).as("the routes ConfigMap is mounted at /app/routes (the image's WORKDIR is /app)").isNotNull();
        String volume = mount.get("name").asText();
        JsonNode volumes = byKind.get("Deployment").at("/spec/template/spec/volumes");
        boolean found = false;
        for (JsonNode v : volumes) {
            if (v.get("name").asText().equals(volume)) {
                assertThat(v.at("/configMap/name").asText()).isEqualTo(configMapName("offramp-routes"));
                found = true;
            }
        }
        assertThat(found).isTrue();
        assertThat(DockerfileTest.instructions()).contains("WORKDIR /app");
    }

    /**
     * A rolling update: the pod leaves the Service while SIGTERM arrives, so it pauses before Camel stops
     * taking requests, and the grace period covers that pause plus the graceful stop's own timeout.
     */
    @Test
    void aStoppingPodPausesBeforeItStopsTakingRequestsAndHasTimeToFinish() throws IOException {
        JsonNode command = container.at("/lifecycle/preStop/exec/command");
        assertThat(command.get(0).asText()).isEqualTo("sleep");
        int pause = command.get(1).asInt();
        assertThat(pause).isPositive();
        int shutdownTimeout = Integer.parseInt(ConfigFiles.load("config/application.properties").getProperty("camel.main.shutdown-timeout").trim());
        assertThat(byKind.get("Deployment").at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                .isGreaterThan(pause + shutdownTimeout);
    }

    @Test
    void theContainerRunsAsTheImagesNonRootUserOnAReadOnlyFilesystem() {
        JsonNode pod = byKind.get("Deployment").at("/spec/template/spec/securityContext");
        assertThat(pod.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.get("runAsUser").asInt()).isEqualTo(10001);
        assertThat(DockerfileTest.instructions()).contains("USER 10001:10001");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    }

    Map<String, String> configMapData(String prefix) {
        Map<String, String> data = new HashMap<>();
        configMap(prefix).get("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    String configMapName(String prefix) {
        return configMap(prefix).at("/metadata/name").asText();
    }

    JsonNode configMap(String prefix) {
        for (JsonNode doc : configMaps) {
            if (doc.at("/metadata/name").asText().startsWith(prefix + "-")) {
                return doc;
            }
        }
        throw new AssertionError("no ConfigMap " + prefix);
    }

    List<JsonNode> kustomize(String dir) throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assertThat(kubectl).as("kubectl (Kustomize) renders deploy/: install it (it is at /usr/bin/kubectl on these machines)").isExecutable();
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir)
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
    }
}
