package dev.offramp.console;

import dev.offramp.http.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files (classpath {@code console/}): plain HTML, CSS and JavaScript, nothing built, nothing
 * from a CDN. A name is a single file name of known type (no path, no "..", no other directory of the
 * classpath can be reached); anything else is the JSON 404.
 */
public final class ConsoleAssets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,60}\\.(html|css|js|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** The file's bytes; @throws ApiProblem 404 for a name that is not one of the console's files */
    public byte[] file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiProblem.notFound("console file", "?");
        }
        byte[] bytes = loaded.computeIfAbsent(name, ConsoleAssets::read);
        if (bytes.length == 0) {
            throw ApiProblem.notFound("console file", name);
        }
        return bytes;
    }

    /** The file name of a request path under /console/assets/ (null when there is none). */
    public String nameOf(String path) {
        String prefix = "/console/assets/";
        return path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : null;
    }

    public String contentType(String name) {
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    /** Adds the console's page protections ({@link ConsoleResponseHeaders#PAGE}) to an answer's headers. */
    public void protect(Map<String, Object> headers) {
        headers.putAll(ConsoleResponseHeaders.PAGE);
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream("console/" + name)) {
            // an empty array stands for "no such file" (ConcurrentHashMap keeps no nulls)
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
