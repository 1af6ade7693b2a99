package dev.offramp.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;

/**
 * States each sql endpoint's number of parameters ({@code parametersCount}), counted from its SQL file
 * once, when the endpoint is made. Without it camel-sql asks the driver on every call
 * ({@code PreparedStatement.getParameterMetaData()}), and the PostgreSQL driver answers that with a
 * one-shot Parse/Describe round trip that also keeps the statement from ever being prepared on the server:
 * PostgreSQL then parsed and planned it on every call (pg_stat_statements on webhook ingest: the
 * outbox's deliveries INSERT planned 6,429 times in 6,429 calls, its plan six times its execution;
 * docs/benchmark-sessions.md, session 18). Statements that state a count keep theirs, and {@code -1} keeps
 * camel-sql asking the driver, so that PostgreSQL plans the statement on every call: for a statement whose
 * best plan depends on the data at the time (the event delivery loop's look for due deliveries took 1-5 s
 * per look over a large backlog with its count stated: a plan cached while the table was empty,
 * docs/benchmark-sessions.md, session 19).
 * {@code :#in:} lists, whose number of placeholders depends on the values, and statements taken from the
 * message body are left to the driver, as before. Installed on every sql endpoint by {@link #install}.
 */
public final class StatedParameterCounts {

    private StatedParameterCounts() {
    }

    /**
     * The number of JDBC parameters the endpoint's statement has, as camel-sql prepares it, or 0 where
     * that number is not fixed by the text (an {@code in:} list, a statement from the message body).
     */
    public static int count(CamelContext context, SqlEndpoint endpoint) {
        if (endpoint.isUseMessageBodyForSql()) {
            return 0;
        }
        String placeholder = endpoint.isUsePlaceholder() ? endpoint.getPlaceholder() : null;
        String query;
        try {
            query = SqlHelper.resolveQuery(context, endpoint.getQuery(), placeholder);
            if (query.contains(":?in:")) {
                return 0;
            }
            if (endpoint.isAllowNamedParameters()) {
                // the strategy's own preparation, without an exchange: the text alone decides it here
                query = new DefaultSqlPrepareStatementStrategy(endpoint.getSeparator()).prepareQuery(query, true, null);
            }
        } catch (Exception e) {
            throw new RuntimeCamelException("cannot read the statement of " + endpoint.getEndpointUri(), e);
        }
        return placeholders(query);
    }

    /**
     * The {@code ?} placeholders of a prepared statement, outside quoted text. camel-sql has already dropped
     * whole-line {@code --} comments; one after a statement on the same line is skipped here too.
     */
    static int placeholders(String sql) {
        int count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /** Every sql endpoint created from now on that states no count gets the one its statement has. */
    public static void install(CamelContext context) {
        context.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof SqlEndpoint sql && sql.getParametersCount() == 0) {
                int count = count(context, sql);
                if (count > 0) {
                    sql.setParametersCount(count);
                }
            }
            return endpoint;
        });
    }
}
