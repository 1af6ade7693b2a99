package dev.offramp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The packaged bundle does not scan for its configuration classes (OffRampApplication.CONFIGURATIONS
 * names them), but the tests' {@code @CamelMainTest(mainClass = ...)} does. A configuration class
 * added without being named would work in every test and be missing from the real bundle.
 */
class ConfigurationClassesTest {

    @Test
    void everyConfigurationClassOfTheBundleIsNamedForStartUp() throws Exception {
        try (var context = new DefaultCamelContext()) {
            var scanner = PluginHelper.getPackageScanClassResolver(context);
            Set<Class<?>> found = new HashSet<>(scanner.findImplementations(CamelConfiguration.class, "dev.offramp"));
            found.addAll(scanner.findAnnotated(Configuration.class, "dev.offramp"));
            found.removeIf(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes"));

            assertThat(found).isNotEmpty();
            assertThat(new HashSet<Class<?>>(OffRampApplication.CONFIGURATIONS)).isEqualTo(found);
        }
    }
}
