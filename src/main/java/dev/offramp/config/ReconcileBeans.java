package dev.offramp.config;

import static dev.offramp.config.BundleConfiguration.setting;

import dev.offramp.database.EmbeddedDatabaseUrl;
import dev.offramp.reconcile.OrphanViews;
import dev.offramp.reconcile.ReconcileMetrics;
import dev.offramp.reconcile.Reconciliation;
import dev.offramp.status.OrderStateMachine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Reconciliation beans, and the Quartz scheduler behind its schedule: the JDBC job store on the
 * bundle's own database, clustered, so that with several instances on one PostgreSQL each tick runs
 * on exactly one of them (and another takes over when one dies). The tables come from the migrations.
 */
final class ReconcileBeans {

    private ReconcileBeans() {
    }

    static void bind(CamelContext context, OrderStateMachine stateMachine) {
        var registry = context.getRegistry();
        registry.bind("reconciliation", new Reconciliation(stateMachine));
        registry.bind("orphanViews", new OrphanViews());
        registry.bind("reconcileMetrics", new ReconcileMetrics(
                () -> context.getRegistry().findSingleByType(MeterRegistry.class), Clock.systemUTC()));
        context.getComponent("quartz", QuartzComponent.class).setProperties(quartzProperties(context.getPropertiesComponent()));
        // the status changes of one list page are applied by a few threads at once (each order in its own
        // transaction): on PostgreSQL a run waited mostly for one commit after another
        registry.bind("reconcileChangePool", threadPool(context, "offramp.reconcile.change-threads", "reconcile-changes"));
        // the pages of one status list after its first are fetched and applied a few at a time (PagesAhead): one
        // page after another, a run waits for each list answer in turn, and against an upstream across a network
        // that wait is most of the run (docs/benchmark-sessions.md, session 13)
        registry.bind("reconcilePagePool", threadPool(context, "offramp.reconcile.page-threads", "reconcile-pages"));
    }

    /** A fixed pool of as many threads as the setting says (at least 1, or the bundle refuses to start). */
    private static ExecutorService threadPool(CamelContext context, String key, String threadName) {
        int threads = Integer.parseInt(setting(context.getPropertiesComponent(), key));
        if (threads < 1) {
            throw new IllegalStateException("Refusing to start: " + key + " must be at least 1");
        }
        return context.getExecutorServiceManager().newFixedThreadPool(ReconcileBeans.class, threadName, threads);
    }

    static Properties quartzProperties(PropertiesComponent props) {
        String url = setting(props, "offramp.db.url");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        Properties q = new Properties();
        // one scheduler name on every instance: that is what makes them one cluster
        q.setProperty("org.quartz.scheduler.instanceName", setting(props, "camel.main.name"));
        q.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        q.setProperty("org.quartz.threadPool.threadCount", "2");
        q.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        q.setProperty("org.quartz.jobStore.dataSource", "offramp");
        q.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", setting(props, "offramp.reconcile.cluster-checkin-ms"));
        q.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
        q.setProperty("org.quartz.dataSource.offramp.provider", "hikaricp");
        q.setProperty("org.quartz.dataSource.offramp.driver", postgres ? "org.postgresql.Driver" : "org.h2.Driver");
        // the same database as the bundle's pool, opened the same way
        q.setProperty("org.quartz.dataSource.offramp.URL", EmbeddedDatabaseUrl.asTheBundleOpensIt(url));
        q.setProperty("org.quartz.dataSource.offramp.user", setting(props, "offramp.db.user"));
        q.setProperty("org.quartz.dataSource.offramp.password", setting(props, "offramp.db.password"));
        q.setProperty("org.quartz.dataSource.offramp.maxConnections", "3");
        return q;
    }
}
