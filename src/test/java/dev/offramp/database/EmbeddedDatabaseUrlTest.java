package dev.offramp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseUrlTest {

    @TempDir
    Path dir;

    @Test
    void anH2UrlIsClosedByTheBundleNotByH2sShutdownHook() {
        assertThat(EmbeddedDatabaseUrl.closedByTheBundle("jdbc:h2:file:./data/offramp;MODE=PostgreSQL;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/offramp;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(EmbeddedDatabaseUrl.closedByTheBundle("JDBC:H2:mem:x")).isEqualTo("JDBC:H2:mem:x;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aUrlThatSaysHowToCloseIsKept() {
        assertThat(EmbeddedDatabaseUrl.closedByTheBundle("jdbc:h2:file:/x;db_close_on_exit=TRUE")).isEqualTo("jdbc:h2:file:/x;db_close_on_exit=TRUE");
    }

    @Test
    void otherDatabasesAreLeftAsGiven() {
        assertThat(EmbeddedDatabaseUrl.closedByTheBundle("jdbc:postgresql://db:5432/offramp")).isEqualTo("jdbc:postgresql://db:5432/offramp");
        assertThat(EmbeddedDatabaseUrl.closedByTheBundle("")).isEmpty();
    }

    /** H2 itself accepts the setting on the URL the bundle ships (an unknown one would refuse the connection). */
    @Test
    void h2OpensTheUrlItMakes() throws Exception {
        String url = EmbeddedDatabaseUrl.closedByTheBundle("jdbc:h2:file:" + dir.resolve("offramp")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
