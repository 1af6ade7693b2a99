package dev.offramp.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MigratedDataSourceTest {

    private final String url = "jdbc:h2:mem:migrated-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private HikariConfig pool() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    @Test
    void everyConnectionSeesTheMigratedSchema() throws Exception {
        MigratedDataSource dataSource = MigratedDataSource.openInBackground(pool(), "classpath:db/migration");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).as("applied migrations").isGreaterThanOrEqualTo(8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from orders")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(dataSource.awaitReady()).isNotSameAs(dataSource);
        assertThat(dataSource.unwrap(MigratedDataSource.class)).isSameAs(dataSource);
        assertThat(dataSource.isWrapperFor(DataSource.class)).isTrue();
    }

    @Test
    void aDatabaseThatCannotBeMigratedFailsEveryUseWithTheCause() throws Exception {
        // someone else's table and no schema history: Flyway refuses to migrate a non-empty schema
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table someone_elses (id int)");
        }

        MigratedDataSource dataSource = MigratedDataSource.openInBackground(pool(), "classpath:db/migration");

        assertThatThrownBy(dataSource::awaitReady)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The order store could not be opened and migrated: ")
                .hasMessageContaining("non-empty schema");
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("The order store could not be opened and migrated: ");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsEveryUseWithTheCause() {
        HikariConfig unreachable = pool();
        unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        unreachable.setConnectionTimeout(1000);

        MigratedDataSource dataSource = MigratedDataSource.openInBackground(unreachable, "classpath:db/migration");

        assertThatThrownBy(dataSource::awaitReady)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The order store could not be opened and migrated: ");
    }
}
