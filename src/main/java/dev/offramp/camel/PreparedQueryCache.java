package dev.offramp.camel;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;

/**
 * camel-sql's own preparation of a statement's named parameters ({@code :#${variable.orderId}} to
 * {@code ?}), remembered per statement text. camel-sql redid it with regular expressions on every call,
 * about 5% of the CPU of webhook ingest (BENCHMARKS.md). The answer depends only on the text, except for
 * {@code :#in:} parameters, whose number of placeholders depends on the values: those statements are
 * prepared anew every time, as before. Installed on every sql endpoint by {@link #install}.
 */
public final class PreparedQueryCache extends DefaultSqlPrepareStatementStrategy {

    // the bundle's statements are its SQL files; a bound keeps a query built at run time from growing it
    static final int MAX_STATEMENTS = 1_000;

    private final Map<String, String> prepared = new ConcurrentHashMap<>();

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) throws SQLException {
        if (!allowNamedParameters || query.contains(":?in:") || query.contains(":#in:")) {
            return super.prepareQuery(query, allowNamedParameters, exchange);
        }
        String answer = prepared.get(query);
        if (answer == null) {
            answer = super.prepareQuery(query, true, exchange);
            if (prepared.size() < MAX_STATEMENTS) {
                prepared.put(query, answer);
            }
        }
        return answer;
    }

    int size() {
        return prepared.size();
    }

    /** Every sql endpoint created from now on, unless it names a strategy of its own, uses one shared cache. */
    public static void install(CamelContext context) {
        PreparedQueryCache cache = new PreparedQueryCache();
        context.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof SqlEndpoint sql && sql.getPrepareStatementStrategy() == null) {
                sql.setPrepareStatementStrategy(cache);
            }
            return endpoint;
        });
    }
}
