package dev.offramp.config;

import com.zaxxer.hikari.HikariConfig;
import dev.offramp.camel.AllOrNothing;
import dev.offramp.camel.JsonErrorPages;
import dev.offramp.camel.PreparedQueryCache;
import dev.offramp.camel.RouteFileReload;
import dev.offramp.camel.StatedParameterCounts;
import dev.offramp.database.DatabaseHealthCheck;
import dev.offramp.database.EmbeddedDatabaseUrl;
import dev.offramp.database.MigratedDataSource;
import dev.offramp.deadletters.DeadLetters;
import dev.offramp.footprint.StartUpMemory;
import dev.offramp.http.ApiErrors;
import dev.offramp.http.CorrelationIds;
import dev.offramp.http.Identifiers;
import dev.offramp.http.JsonBodies;
import dev.offramp.http.OffRampHeaderFilterStrategy;
import dev.offramp.http.QueryParameters;
import dev.offramp.http.ReadUploads;
import dev.offramp.http.RequestLimits;
import dev.offramp.http.RequestLog;
import dev.offramp.logging.LogFormat;
import dev.offramp.logging.OffRampMdc;
import dev.offramp.logging.SecretValues;
import dev.offramp.tracing.TraceEventWrites;
import dev.offramp.tracing.Tracing;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import dev.offramp.offers.OfferViews;
import dev.offramp.offers.OffersAggregation;
import dev.offramp.orders.IdempotencyKeys;
import dev.offramp.orders.OrderLookup;
import dev.offramp.orders.OrderCreations;
import dev.offramp.orders.OrderRequests;
import dev.offramp.orders.OrderViews;
import dev.offramp.status.DecideOrderStatus;
import dev.offramp.status.OrderStateMachine;
import dev.offramp.status.Provider;
import dev.offramp.upstream.UpstreamSwitches;
import dev.offramp.users.Users;
import dev.offramp.webhooks.InboxInsertKey;
import dev.offramp.webhooks.WebhookInboxViews;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.spi.PropertiesComponent;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Wires the bundle's beans into the Camel registry, from configuration. The beans themselves are
 * plain classes; this is the only place that knows about both them and Camel.
 */
@Configuration
public class BundleConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent props = context.getPropertiesComponent();
        String profile = setting(props, "camel.main.profile");
        // which upstreams this deployment uses; a disabled one's settings are neither required nor read
        UpstreamSwitches switches = UpstreamSwitches.from(key -> setting(props, key));
        if ("prod".equalsIgnoreCase(profile)) {
            RequiredSettings.requireAll(profile, key -> setting(props, key), switches.enabledUpstreams());
        }
        // values from the configuration files too, not only the environment, are masked in every log line
        for (Settings.Setting secret : Settings.secrets()) {
            SecretValues.register(setting(props, secret.key()));
        }
        // keys before the database: a key that cannot be loaded stops start-up at once, naming its variable
        context.getRegistry().bind("upstreamSwitches", switches);
        ChangellyBeans.bind(context, switches.enabled(Provider.CHANGELLY.id()));
        UnigoxBeans.bind(context, switches.enabled(Provider.UNIGOX.id()));
        UpstreamBeans.bind(context, switches);

        // traces on request (README "Traces"): the SDK as the OTEL_* variables configure it, or a no-op
        Tracing tracing = Boolean.parseBoolean(setting(props, "offramp.tracing.enabled")) ? Tracing.fromEnvironment() : Tracing.off();

        // opened and migrated while the routes are built; no route starts before it is ready (their consumers
        // include Quartz's, whose tables come from the migrations), and a failure stops start-up
        MigratedDataSource dataSource = MigratedDataSource.openInBackground(pool(props), "classpath:db/migration");
        // closed when the context stops (after its routes), so its connections go back to the database
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                dataSource.close();
                tracing.close();
            }
        });
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext camel, boolean alreadyStarted) {
                dataSource.awaitReady();
            }

            @Override
            public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
                // ready before the routes started
            }
        });
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);

        var registry = context.getRegistry();
        registry.bind("offrampDataSource", DataSource.class, dataSource);
        registry.bind("databaseHealthCheck", new DatabaseHealthCheck(dataSource));
        registry.bind("transactionManager", transactionManager);
        registry.bind("allOrNothing", new AllOrNothing(transactionManager));
        OrderStateMachine stateMachine = new OrderStateMachine();
        registry.bind("orderStateMachine", stateMachine);
        registry.bind("decideOrderStatus", DecideOrderStatus.forStoredOrder(stateMachine));
        registry.bind("decideNewOrderStatus", DecideOrderStatus.forNewOrder(stateMachine));
        registry.bind("askInboxInsertKey", InboxInsertKey.ask());
        registry.bind("takeInboxInsertKey", InboxInsertKey.take());
        OrderViews orderViews = new OrderViews(stateMachine);
        registry.bind("orderViews", orderViews);
        registry.bind("orderLookup", new OrderLookup());
        // camel-opentelemetry2 finds its tracer and propagators here (else it would ask GlobalOpenTelemetry)
        Tracer tracer = tracing.openTelemetry().getTracer("offramp-bundle");
        if (tracing.on()) {
            registry.bind("openTelemetryTracer", Tracer.class, tracer);
            registry.bind("openTelemetryPropagators", ContextPropagators.class, tracing.openTelemetry().getPropagators());
            // made here, after the two beans it looks up: camel.opentelemetry2.enabled would make it earlier, when
            // it finds neither and falls back to GlobalOpenTelemetry's no-op (tried: no span at all)
            OpenTelemetryTracer camelTracer = new OpenTelemetryTracer();
            // an event's POST is traced by its "event delivery" span, in the trace that wrote the event; Camel's
            // own spans there (the route and the POST) belong to the delivery loop's trace and would overwrite the
            // traceparent sent
            camelTracer.setExcludePatterns("direct://events-send-http,http://events-destination*");
            camelTracer.init(context);
            registry.bind("traceEventWrites", new TraceEventWrites(camelTracer));
        } else {
            registry.bind("traceEventWrites", new TraceEventWrites(null));
        }
        EventsBeans.bind(context, stateMachine, orderViews, tracer);
        registry.bind("startUpMemory", new StartUpMemory());
        registry.bind("apiErrors", new ApiErrors());
        registry.bind("deadLetters", new DeadLetters());
        registry.bind("webhookInboxViews", new WebhookInboxViews());
        registry.bind("jsonBodies", new JsonBodies());
        // the API contract (GET /api/v1/openapi.json) and its docs page (/api/docs)
        registry.bind("apiDocs", new dev.offramp.apidocs.ApiDocs());
        registry.bind("readUploads", new ReadUploads());
        // JSON logs carry the route, correlation and order ids of each line (README "JSON logs"); the text
        // format does not pay for the MDC
        boolean jsonLogs = LogFormat.active() == LogFormat.JSON;
        context.getManagementStrategy().addEventNotifier(new RequestLog(jsonLogs));
        if (jsonLogs) {
            new OffRampMdc().init(context);
        }
        // on the component, before any route exists: every platform-http endpoint (REST DSL, webhooks, the
        // sandbox, and whatever answers unknown paths) takes its header filter from here. Query parameters
        // never become headers, and an answer carries only the allow-listed headers (issue 16).
        context.getComponent("platform-http", PlatformHttpComponent.class).setHeaderFilterStrategy(new OffRampHeaderFilterStrategy());
        registry.bind("queryParameters", new QueryParameters());
        registry.bind("correlationIds", new CorrelationIds());
        registry.bind("orderRequests", new OrderRequests());
        registry.bind("users", new Users());
        registry.bind("identifiers", new Identifiers());
        registry.bind("offerViews", new OfferViews(Provider.inOffersOrder().stream().map(Provider::id).filter(switches::enabled).toList()));
        registry.bind("offersAggregation", new OffersAggregation());
        registry.bind("orderCreations", new OrderCreations());
        registry.bind("idempotencyKeys", new IdempotencyKeys());
        registry.bind("requestLimits", new RequestLimits(Long.parseLong(setting(props, "offramp.max-json-bytes"))));
        ReconcileBeans.bind(context, stateMachine);
        // the inbound keys (API, admin, viewer) and the ops console's sessions
        ConsoleBeans.bind(context);
        // dev reload (ROUTES_RELOAD=true): a route file edited into something broken keeps its previous routes
        RouteFileReload.install(context);
        // unknown paths, wrong methods, unreadable requests: the JSON error as well, on both ports
        JsonErrorPages.install(context);
        PreparedQueryCache.install(context);
        StatedParameterCounts.install(context);
    }

    /** The order store's connection pool (MigratedDataSource opens it). */
    private static HikariConfig pool(PropertiesComponent props) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("offramp-db");
        // on H2: each commit in the file before it returns, and the database closed by the bundle after its
        // routes stop rather than by H2's own shutdown hook (EmbeddedDatabaseUrl)
        hikari.setJdbcUrl(EmbeddedDatabaseUrl.asTheBundleOpensIt(setting(props, "offramp.db.url")));
        hikari.setUsername(setting(props, "offramp.db.user"));
        hikari.setPassword(setting(props, "offramp.db.password"));
        hikari.setMaximumPoolSize(poolSize(setting(props, "offramp.db.pool-size")));
        return hikari;
    }

    /**
     * The pool's size, at least two: the migration at start-up (Flyway) holds one connection while it takes
     * a second, and with one start-up waited half a minute for it and failed with the pool's timeout.
     */
    static int poolSize(String value) {
        String variable = "OFFRAMP_DB_POOL_SIZE (offramp.db.pool-size)";
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Refusing to start: " + variable + " must be a whole number, not '" + value + "'");
        }
        if (size < 2) {
            throw new IllegalStateException("Refusing to start: " + variable + " must be at least 2, not " + size
                    + ": the migration at start-up holds one connection while it takes a second");
        }
        return size;
    }

    static String setting(PropertiesComponent props, String key) {
        return props.resolveProperty(key).map(String::trim).orElse("");
    }
}
