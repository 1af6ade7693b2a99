package dev.offramp.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.config.Settings.Required;
import dev.offramp.config.Settings.Setting;
import dev.offramp.logging.SecretValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.util.SensitiveUtils;
import org.junit.jupiter.api.Test;

/** The settings table (Settings) and the places that must agree with it but cannot read it. */
class SettingsTest {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    /** A row of the README's configuration table: its variables, properties, meaning and prod column. */
    record Row(List<String> variables, List<String> properties, String meaning, String requiredInProd) {
    }

    @Test
    void everyVariableIsTheKeyInUpperCaseWithUnderscores() {
        for (Setting setting : Settings.ALL) {
            assertThat(setting.variable()).as(setting.key()).isEqualTo(Settings.variableOf(setting.key()));
        }
        assertThat(Settings.ALL.stream().map(Setting::key).distinct()).hasSameSizeAs(Settings.ALL);
    }

    @Test
    void theReadmeTableListsEverySettingWithItsVariableAndWhetherProdRequiresIt() throws IOException {
        List<Row> rows = readmeRows();
        for (Setting setting : Settings.ALL) {
            Row row = rows.stream().filter(r -> r.variables().contains(setting.variable())).findFirst().orElse(null);
            assertThat(row).as("README configuration row of %s", setting.variable()).isNotNull();
            assertThat(row.properties()).as("property of %s in the README", setting.variable()).contains(setting.key());
            assertThat(row.requiredInProd().equals("yes")).as("'required in prod' of %s in the README", setting.variable())
                    .isEqualTo(setting.required() != Required.NO);
            assertThat(row.meaning().contains("(secret)")).as("'(secret)' in the README's meaning of %s", setting.variable())
                    .isEqualTo(setting.secret());
        }
        // and nothing the README calls required that the prod check does not require
        for (Row row : rows) {
            if (row.requiredInProd().equals("yes")) {
                for (String variable : row.variables()) {
                    assertThat(Settings.ALL).as("README says prod requires %s", variable)
                            .anyMatch(s -> s.variable().equals(variable) && s.required() != Required.NO);
                }
            }
        }
    }

    @Test
    void theProdProfileLeavesEveryRequiredSettingEmpty() throws IOException {
        Properties prod = ConfigFiles.load("config/application-prod.properties");
        for (Setting setting : Settings.ALL) {
            if (setting.required() != Required.NO) {
                assertThat(prod).as("application-prod.properties sets %s", setting.key()).containsKey(setting.key());
                assertThat(prod.getProperty(setting.key())).as(setting.key()).isEmpty();
            }
        }
    }

    @Test
    void camelMasksEverySecretKeyInItsOwnSummaries() throws IOException {
        // camel.main.additional-sensitive-keywords is read before any bean exists, so it stays in the file;
        // Camel compares the key's last segment, in lower case without '-', with its keywords
        Set<String> keywords = new HashSet<>(SensitiveUtils.getSensitiveKeys());
        String additional = ConfigFiles.load("config/application.properties").getProperty("camel.main.additional-sensitive-keywords");
        Arrays.stream(additional.split(",")).map(String::trim).forEach(keywords::add);
        for (Setting secret : Settings.secrets()) {
            String key = secret.key();
            String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ENGLISH).replace("-", "");
            assertThat(keywords).as("a sensitive keyword covering %s", key).contains(last);
        }
    }

    @Test
    void theLogsMaskTheSecretSettingsFromTheEnvironment() {
        assertThat(SecretValues.VARIABLES).containsExactlyInAnyOrder("OFFRAMP_API_KEYS", "OFFRAMP_ADMIN_KEYS", "OFFRAMP_VIEWER_KEYS", "OFFRAMP_DB_PASSWORD",
                "UNIGOX_API_KEY", "UNIGOX_WEBHOOK_SECRETS", "CHANGELLY_API_KEY", "CHANGELLY_PRIVATE_KEY", "OFFRAMP_EVENTS_SECRET",
                "SANDBOX_UNIGOX_WEBHOOK_SECRET", "SANDBOX_CHANGELLY_CALLBACK_PRIVATE_KEY");
    }

    private static List<Row> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("README section ## Configuration").isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.add(new Row(backticked(cells[1]), backticked(cells[2]), cells[3].trim(), cells[5].trim()));
            }
        }
        assertThat(rows).as("rows of the README's configuration table").isNotEmpty();
        return rows;
    }

    private static List<String> backticked(String cell) {
        List<String> values = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(cell);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
