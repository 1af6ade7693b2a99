package dev.offramp.app;

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
 * Neither the bundle nor the tests scan for configuration classes: each profile names them
 * ({@code camel.main.configuration-classes} in config/application*.properties). A configuration class
 * added without being named would be missing from the real bundle; one found by the tests' scan as well
 * would run twice in the tests.
 */
class ConfigurationClassesTest {

    private static final String KEY = "camel.main.configuration-classes";

    @Test
    void theEmbeddedProfileNamesEveryConfigurationClassOfTheBundle() throws Exception {
        Set<String> found = configurationClassesIn("dev.offramp", false);

        assertThat(found).isNotEmpty();
        assertThat(named(null)).isEqualTo(found);
    }

    /** The prod profile names the same classes less the sandbox simulators': prod never loads them. */
    @Test
    void theProdProfileNamesTheProductionOnesOnly() throws Exception {
        Set<String> production = named(null).stream().filter(c -> !c.startsWith("dev.offramp.sandbox."))
                .collect(Collectors.toSet());

        assertThat(production).isNotEmpty().isNotEqualTo(named(null));
        assertThat(named("prod")).isEqualTo(production).noneMatch(c -> c.startsWith("dev.offramp.sandbox."));
    }

    /**
     * {@code @CamelMainTest(mainClass = OffRampApplication.class)} scans the entry point's package for
     * configuration classes and configures them on top of the named ones, with no check for doubles
     * (camel-main's BaseMainSupport.loadConfigurations). None may be there, the tests' own included, so
     * that each runs once (ConfigurationClassesRunOnceTest shows it on a started bundle).
     */
    @Test
    void theEntryPointsPackageHoldsNoConfigurationClass() throws Exception {
        assertThat(configurationClassesIn(OffRampApplication.class.getPackageName(), true)).isEmpty();
    }

    /**
     * CamelConfiguration implementations and @Configuration classes in the package and below, as camel-main
     * scans for them; the test classes' too only if asked.
     */
    private static Set<String> configurationClassesIn(String packageName, boolean withTestClasses) throws Exception {
        try (var context = new DefaultCamelContext()) {
            var scanner = PluginHelper.getPackageScanClassResolver(context);
            Set<Class<?>> found = new HashSet<>(scanner.findImplementations(CamelConfiguration.class, packageName));
            found.addAll(scanner.findAnnotated(Configuration.class, packageName));
            if (!withTestClasses) {
                found.removeIf(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes"));
            }
            return found.stream().map(Class::getName).collect(Collectors.toSet());
        }
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
