package dev.offramp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseUrlTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileWritesEachCommitBeforeItReturnsAndIsClosedByTheBundle() {
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:file:./data/offramp;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/offramp;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        // the short forms of a file (H2's URL grammar: a path after jdbc:h2: is a file)
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:~/offramp")).isEqualTo("jdbc:h2:~/offramp;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:tcp://db:9092/offramp"))
                .isEqualTo("jdbc:h2:tcp://db:9092/offramp;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aDatabaseInMemoryHasNoFileToWrite() {
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("JDBC:H2:mem:x")).isEqualTo("JDBC:H2:mem:x;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aUrlThatSetsEitherKeepsItsOwnValue() {
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:file:/x;db_close_on_exit=TRUE")).isEqualTo("jdbc:h2:file:/x;db_close_on_exit=TRUE;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:file:/x;write_delay=500")).isEqualTo("jdbc:h2:file:/x;write_delay=500;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:h2:file:/x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void otherDatabasesAreLeftAsGiven() {
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("jdbc:postgresql://db:5432/offramp")).isEqualTo("jdbc:postgresql://db:5432/offramp");
        assertThat(EmbeddedDatabaseUrl.asTheBundleOpensIt("")).isEmpty();
    }

    /** H2 itself accepts what is added, on a file and in memory (an unknown setting would refuse the connection). */
    @Test
    void h2OpensTheUrlsItMakes() throws Exception {
        for (String given : new String[] {"jdbc:h2:file:" + dir.resolve("offramp") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "jdbc:h2:mem:embedded-database-url-test"}) {
            try (Connection c = DriverManager.getConnection(EmbeddedDatabaseUrl.asTheBundleOpensIt(given), "sa", "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(rs.next()).isTrue();
                if (given.contains(":file:")) {
                    assertThat(rs.getString(1)).as("H2's write delay on %s", given).isEqualTo("0");
                }
            }
        }
    }
}
