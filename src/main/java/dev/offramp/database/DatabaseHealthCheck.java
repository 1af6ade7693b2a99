package dev.offramp.database;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the order store answers. A bundle that cannot write webhooks to its database must not
 * take them (the load balancer moves traffic away while this is DOWN); liveness is unaffected.
 */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        super("offramp", "database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                builder.up();
            } else {
                builder.message("the database connection is not valid").down();
            }
        } catch (Exception e) {
            // the exception text may hold the JDBC URL or a host name: only its type is shown
            builder.message("the database cannot be reached (" + e.getClass().getSimpleName() + ")").down();
        }
    }
}
