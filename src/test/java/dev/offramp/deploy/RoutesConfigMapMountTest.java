package dev.offramp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes ConfigMap as Kubernetes mounts it: the files in a timestamped dot-folder, a {@code ..data}
 * link to it, and at the top one link per file into {@code ..data}. The bundle's pattern
 * (routes/**&#47;*.camel.yaml, config/application.properties) must find each route once: through its
 * top-level link, not again through the dot-folder or {@code ..data} (a route loaded twice fails start-up
 * with a duplicate id).
 */
class RoutesConfigMapMountTest {

    @Test
    void eachMountedRouteFileIsFoundOnce(@TempDir Path mount) throws Exception {
        Path version = Files.createDirectory(mount.resolve("..2026_12_05_06_00_00.123456789"));
        for (String name : new String[] {"orders-create.camel.yaml", "webhooks-unigox.camel.yaml"}) {
            Files.writeString(version.resolve(name), "- route: {}\n");
        }
        Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
        for (String name : new String[] {"orders-create.camel.yaml", "webhooks-unigox.camel.yaml"}) {
            Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Collection<Resource> found = PluginHelper.getPackageScanResourceResolver(context)
                    .findResources("file:" + mount + "/**/*.camel.yaml");
            assertThat(found).extracting(Resource::getLocation)
                    .containsExactlyInAnyOrder("file:" + mount.resolve("orders-create.camel.yaml"), "file:" + mount.resolve("webhooks-unigox.camel.yaml"));
        }
    }
}
