package dev.offramp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.config.ConfigLocations;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The bundle does not scan for its configuration classes: each profile names them
 * ({@code camel.main.configuration-classes} in config/application*.properties), and the tests start the
 * same list. A configuration class added without being named would be missing from the real bundle.
 */
class ConfigurationClassesTest {

    private static final String KEY = "camel.main.configuration-classes";

    @Test
    void everyConfigurationClassOfTheBundleIsNamedForStartUp() throws Exception {
        try (var context = new DefaultCamelContext()) {
            var scanner = PluginHelper.getPackageScanClassResolver(context);
            Set<Class<?>> found = new HashSet<>(scanner.findImplementations(CamelConfiguration.class, "dev.offramp"));
            found.addAll(scanner.findAnnotated(Configuration.class, "dev.offramp"));
            found.removeIf(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes"));

            assertThat(found).isNotEmpty();
            assertThat(named(null)).isEqualTo(found.stream().map(Class::getName).collect(Collectors.toSet()));
        }
    }

    /** The prod profile names the same classes less the sandbox simulators'. */
    @Test
    void theProdProfileNamesTheProductionOnesOnly() throws Exception {
        Set<String> production = named(null).stream().filter(c -> !c.startsWith("dev.offramp.sandbox.")).collect(Collectors.toSet());
        assertThat(production).isNotEmpty().isNotEqualTo(named(null));
        assertThat(named("prod")).isEqualTo(production);
    }

    /** The list as Camel main reads it for the profile: all camel.main.* keys loaded, the profile's winning. */
    private static Set<String> named(String profile) throws Exception {
        try (var context = new DefaultCamelContext()) {
            var properties = context.getPropertiesComponent();
            properties.setLocation(ConfigLocations.forProfile(profile));
            String value = properties.loadProperties(k -> k.equals(KEY)).getProperty(KEY);
            assertThat(value).as(KEY + " for profile " + profile).isNotBlank();
            return Arrays.stream(value.split(",")).map(String::trim).collect(Collectors.toSet());
        }
    }
}
