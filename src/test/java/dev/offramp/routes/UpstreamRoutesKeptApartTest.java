package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routes of one upstream (routes/changelly, routes/unigox) name none of the other upstream's beans,
 * endpoints or settings: a deployment with one upstream switched off, or a change to one upstream,
 * must not reach into the other. What both share lives under a neutral name (orderRequests, users...).
 * The Java side of the same rule is {@code architecture.ArchitectureTest}.
 */
class UpstreamRoutesKeptApartTest {

    @ParameterizedTest
    @CsvSource({"changelly, unigox", "unigox, changelly"})
    void anUpstreamsRoutesNameNothingOfTheOther(String upstream, String other) throws IOException {
        Pattern mention = Pattern.compile("(?i)\\b\\w*" + other + "\\w*\\b");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("routes", upstream))) {
            files = walk.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).as("route files under routes/" + upstream).isNotEmpty();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file).stream()
                    .filter(line -> mention.matcher(line).find())
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .toList();
            assertThat(lines).as(file + " names " + other).isEmpty();
        }
    }
}
