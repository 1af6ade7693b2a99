package dev.offramp.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** OFFRAMP_LOG_FORMAT: text by default, json on request, anything else refused before a line is logged. */
class LogFormatTest {

    @Test
    void textUnlessJsonIsAskedFor() {
        assertThat(LogFormat.parse(null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse(" ")).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.JSON.appender()).isEqualTo("json");
        assertThatThrownBy(() -> LogFormat.parse("ecs")).hasMessage("OFFRAMP_LOG_FORMAT must be text or json, not 'ecs'");
    }

    @Test
    void theBundleRefusesToStartOnAnUnknownFormatSayingWhy() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.offramp.app.OffRampApplication")
                .redirectErrorStream(true);
        pb.environment().put("OFFRAMP_LOG_FORMAT", "xml");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped at once").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("offramp-bundle: OFFRAMP_LOG_FORMAT must be text or json, not 'xml'");
    }
}
