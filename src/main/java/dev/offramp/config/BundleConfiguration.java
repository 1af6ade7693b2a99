package dev.offramp.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.offramp.api.ApiErrors;
import dev.offramp.api.ApiKeyVerifier;
import dev.offramp.api.JsonBodies;
import dev.offramp.api.OrderRequests;
import dev.offramp.http.ReadUploads;
import dev.offramp.api.OrderViews;
import dev.offramp.changelly.ChangellyCallbackVerifier;
import dev.offramp.changelly.ChangellyKeys;
import dev.offramp.changelly.ChangellyRequestSigner;
import dev.offramp.status.OrderStateMachine;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Wires the bundle's beans into the Camel registry, from configuration. The beans themselves are
 * plain classes; this is the only place that knows about both them and Camel.
 */
@Configuration
public class BundleConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent props = context.getPropertiesComponent();
        String profile = setting(props, "camel.main.profile");
        if ("prod".equalsIgnoreCase(profile)) {
            RequiredSettings.requireAll(profile, key -> setting(props, key));
        }
        bindChangellyCrypto(context, props);

        DataSource dataSource = migratedDataSource(props);
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        SpringTransactionPolicy requiredTx = new SpringTransactionPolicy(transactionManager);
        requiredTx.setPropagationBehaviorName("PROPAGATION_REQUIRED");

        var registry = context.getRegistry();
        registry.bind("offrampDataSource", DataSource.class, dataSource);
        registry.bind("transactionManager", transactionManager);
        registry.bind("requiredTx", requiredTx);
        OrderStateMachine stateMachine = new OrderStateMachine();
        registry.bind("orderStateMachine", stateMachine);
        registry.bind("orderViews", new OrderViews(stateMachine));
        registry.bind("apiErrors", new ApiErrors());
        registry.bind("jsonBodies", new JsonBodies());
        registry.bind("readUploads", new ReadUploads());
        registry.bind("orderRequests", new OrderRequests());
        registry.bind("apiKeys", new ApiKeyVerifier(setting(props, "offramp.api-keys")));
        registry.bind("adminKeys", new ApiKeyVerifier(setting(props, "offramp.admin-keys")));
    }

    /**
     * Changelly request signer and callback verifier. Runs before the database is touched: a key that
     * cannot be loaded is a configuration error, and start-up stops on it naming the variable.
     */
    private static void bindChangellyCrypto(CamelContext context, PropertiesComponent props) {
        String privateKey = setting(props, "changelly.private-key");
        String callbackKeys = setting(props, "changelly.callback-public-keys");
        context.getRegistry().bind("changellySigner", changellyBean("CHANGELLY_PRIVATE_KEY",
                name -> new ChangellyRequestSigner(ChangellyKeys.privateKey(privateKey, name))));
        context.getRegistry().bind("changellyCallbackVerifier", changellyBean("CHANGELLY_CALLBACK_PUBLIC_KEYS",
                name -> new ChangellyCallbackVerifier(ChangellyKeys.publicKeys(callbackKeys, name))));
    }

    /** @throws IllegalStateException naming the variable; the key loaders' messages never contain key material */
    private static <T> T changellyBean(String variable, Function<String, T> create) {
        try {
            return create.apply(variable);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith(variable) ? e.getMessage() : variable + ": " + e.getMessage();
            throw new IllegalStateException("Refusing to start: " + reason, e);
        }
    }

    /** A pooled DataSource on a schema that Flyway has brought up to date before any route runs. */
    private static DataSource migratedDataSource(PropertiesComponent props) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("offramp-db");
        hikari.setJdbcUrl(setting(props, "offramp.db.url"));
        hikari.setUsername(setting(props, "offramp.db.user"));
        hikari.setPassword(setting(props, "offramp.db.password"));
        hikari.setMaximumPoolSize(Integer.parseInt(setting(props, "offramp.db.pool-size")));
        HikariDataSource dataSource = new HikariDataSource(hikari);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    private static String setting(PropertiesComponent props, String key) {
        return props.resolveProperty(key).map(String::trim).orElse("");
    }
}
