package dev.offramp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents link to each other by relative paths and heading anchors ({@code docs/operations.md#health}).
 * A moved section or a renamed heading breaks such a link silently; this test names every one that no longer
 * resolves, in README.md, BENCHMARKS.md and docs/*.md. Anchors are the ones GitHub makes from headings.
 */
class DocumentLinksTest {

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** A link as written: the file it is in, its line, and its target. */
    record Link(Path document, int line, String target) {
    }

    @Test
    void everyRelativeLinkPointsAtAnExistingFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Path document : documents()) {
            links.addAll(links(document));
        }
        for (Link link : links) {
            String problem = problem(link);
            if (problem != null) {
                broken.add(link.document() + ":" + link.line() + " -> " + link.target() + ": " + problem);
            }
        }
        assertThat(links).as("links found in the documents").isNotEmpty();
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void theReadmeLinksToEveryDocumentInDocs() throws IOException {
        if (!Files.isDirectory(Path.of("docs"))) {
            return;
        }
        Set<Path> linked = new HashSet<>();
        for (Link link : links(Path.of("README.md"))) {
            if (!SCHEME.matcher(link.target()).find() && !link.target().startsWith("#")) {
                linked.add(Path.of(decode(link.target().split("#", 2)[0])).normalize());
            }
        }
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            List<Path> unlinked = docs.filter(p -> p.toString().endsWith(".md")).filter(p -> !linked.contains(p.normalize()))
                    .sorted().toList();
            assertThat(unlinked).as("documents in docs/ the README does not link to").isEmpty();
        }
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(slug("Route reload (dev only)")).isEqualTo("route-reload-dev-only");
        assertThat(slug("Upstream behaviour the documentation leaves open, and what the bundle does"))
                .isEqualTo("upstream-behaviour-the-documentation-leaves-open-and-what-the-bundle-does");
        assertThat(slug("`order-status-apply`: the contract")).isEqualTo("order-status-apply-the-contract");
        assertThat(slug("Session 5 (2026-11-21): steady state")).isEqualTo("session-5-2026-11-21-steady-state");
        assertThat(slug("Full run, 2026-11-21, end of session 5")).isEqualTo("full-run-2026-11-21-end-of-session-5");
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("BENCHMARKS.md")));
        if (Files.isDirectory(Path.of("docs"))) {
            try (Stream<Path> docs = Files.list(Path.of("docs"))) {
                docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        return documents;
    }

    /** The links of a document, outside code blocks and code spans. */
    private static List<Link> links(Path document) throws IOException {
        List<Link> links = new ArrayList<>();
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String text = INLINE_CODE.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(new Link(document, i + 1, inline.group(1)));
            }
            Matcher reference = REFERENCE_LINK.matcher(text);
            if (reference.matches()) {
                links.add(new Link(document, i + 1, reference.group(1)));
            }
        }
        return links;
    }

    /** Why a link does not resolve, or null when it does (links with a scheme are not checked). */
    private static String problem(Link link) {
        String target = link.target();
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        String[] parts = target.split("#", 2);
        String file = decode(parts[0]);
        if (file.startsWith("/")) {
            return "an absolute path; write it relative to the document";
        }
        Path resolved = file.isEmpty() ? link.document() : link.document().toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file " + resolved;
        }
        if (parts.length == 2) {
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            String anchor = decode(parts[1]);
            if (!anchors(resolved).contains(anchor)) {
                return "no heading with anchor #" + anchor + " in " + resolved.getFileName();
            }
        }
        return null;
    }

    private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

    /** The anchors of a Markdown file: one per heading (a repeated one numbered -1, -2, ...) and explicit HTML anchors. */
    private static Set<String> anchors(Path file) {
        return ANCHORS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                Set<String> anchors = new HashSet<>();
                Map<String, Integer> seen = new HashMap<>();
                boolean inFence = false;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (FENCE.matcher(line).find()) {
                        inFence = !inFence;
                        continue;
                    }
                    if (inFence) {
                        continue;
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (heading.matches()) {
                        String slug = slug(heading.group(1));
                        int count = seen.merge(slug, 1, Integer::sum);
                        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
                    }
                    Matcher html = HTML_ANCHOR.matcher(line);
                    while (html.find()) {
                        anchors.add(html.group(1));
                    }
                }
                return anchors;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** GitHub's heading anchor: lower case, every character but letters, digits, '_', '-' and space dropped, spaces as '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
