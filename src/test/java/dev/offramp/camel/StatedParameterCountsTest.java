package dev.offramp.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class StatedParameterCountsTest {

    static final Path SQL = Path.of("src/main/resources/sql");

    /**
     * Every SQL file of the bundle: the count stated for it is the one the database itself finds when it
     * prepares the statement as camel-sql sends it (H2 on the migrated schema, its own parser), and an
     * {@code in:} list is left to the driver.
     */
    @Test
    void everyStatementGetsTheCountTheDatabaseFinds() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:stated-counts-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SQL)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);

        List<String> checked = new ArrayList<>();
        try (var context = new DefaultCamelContext(); Connection connection = ds.getConnection()) {
            context.getRegistry().bind("ds", ds);
            context.start();
            for (Path file : files) {
                String resource = "classpath:sql/" + SQL.relativize(file).toString().replace('\\', '/');
                SqlEndpoint endpoint = context.getEndpoint("sql:" + resource + "?dataSource=#ds", SqlEndpoint.class);
                String text = SqlHelper.resolveQuery(context, resource, "#");

                int stated = StatedParameterCounts.count(context, endpoint);

                if (text.contains(":?in:")) {
                    assertThat(stated).as(resource + " has an in: list").isZero();
                    continue;
                }
                String prepared = new DefaultSqlPrepareStatementStrategy().prepareQuery(text, true, null);
                try (PreparedStatement statement = connection.prepareStatement(prepared)) {
                    assertThat(stated).as(resource).isEqualTo(statement.getParameterMetaData().getParameterCount());
                }
                checked.add(resource);
            }
        }
        assertThat(checked).hasSizeGreaterThan(50);
    }

    @Test
    void placeholdersInQuotesOrAfterACommentAreNotParameters() {
        assertThat(StatedParameterCounts.placeholders("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ? -- or ?\nAND c = ?"))
                .isEqualTo(3);
    }

    @Test
    void anEndpointMadeAfterInstallStatesItsCountAndAStatedCountIsKept() throws Exception {
        try (var context = new DefaultCamelContext()) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:stated-counts-install");
            context.getRegistry().bind("ds", ds);
            StatedParameterCounts.install(context);
            context.start();

            SqlEndpoint counted = context.getEndpoint(
                    "sql:UPDATE orders SET status = :#${variable.status} WHERE id = :#orderId AND version = :#version?dataSource=#ds",
                    SqlEndpoint.class);
            SqlEndpoint stated = context.getEndpoint("sql:SELECT * FROM orders WHERE id = :#id?dataSource=#ds&parametersCount=7",
                    SqlEndpoint.class);
            SqlEndpoint inList = context.getEndpoint("sql:SELECT * FROM orders WHERE id IN (:#in:ids)?dataSource=#ds",
                    SqlEndpoint.class);
            SqlEndpoint none = context.getEndpoint("sql:SELECT 1?dataSource=#ds", SqlEndpoint.class);
            SqlEndpoint plannedEachCall = context.getEndpoint(
                    "sql:SELECT * FROM orders LIMIT :#limit?dataSource=#ds&parametersCount=-1", SqlEndpoint.class);

            assertThat(counted.getParametersCount()).isEqualTo(3);
            assertThat(stated.getParametersCount()).isEqualTo(7);
            assertThat(inList.getParametersCount()).as("left to the driver").isZero();
            assertThat(none.getParametersCount()).isZero();
            assertThat(plannedEachCall.getParametersCount()).as("-1: left asking the driver").isEqualTo(-1);
        }
    }
}
