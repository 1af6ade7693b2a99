package dev.offramp.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An upstream's base URL as its provider documents it: the server, e.g. {@code https://api.unigox.com}
 * (Unigox's OpenAPI {@code servers}) or {@code https://fiat-api.changelly.com} (Changelly), with or
 * without a trailing slash. The bundle appends the documented API prefix itself. A value that already
 * ends in that prefix (the form {@code UNIGOX_BASE_URL} had before, {@code .../api/v1/partner}) is
 * still accepted: the prefix is taken off and {@link #prefixRemoved()} says so, for one INFO line.
 *
 * <p>Anything else that would make every call go somewhere unexpected stops start-up: not an absolute
 * http(s) URL, a query or a fragment (the bundle appends paths and its own query), and user
 * information ({@code user:password@host}: credentials never belong in a URL, which ends up in
 * logs). Messages name the environment variable and never repeat the value.
 *
 * @param server scheme, authority and any path in front of the API (a proxy's), without trailing slash
 * @param prefix the documented API prefix, e.g. {@code /api/v1/partner}, or "" when paths carry it
 * @param prefixRemoved whether the configured value ended in the prefix and was normalised
 */
public record UpstreamBaseUrl(String server, String prefix, boolean prefixRemoved) {

    /**
     * @param variable the environment variable that sets the value, named in every message
     * @param value the configured value
     * @param documentedPrefix the API prefix the bundle appends (e.g. {@code /api/v1/partner}), accepted
     *        at the end of the value too
     * @throws IllegalArgumentException naming the variable and what is wrong, never quoting the value
     */
    public static UpstreamBaseUrl parse(String variable, String value, String documentedPrefix) {
        String example = " (e.g. the server from the provider's documentation, such as https://api.example.com)";
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set" + example);
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL" + example, null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(variable + " must be an absolute http:// or https:// URL" + example);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(variable + " must not carry user information (user:password@): "
                    + "the upstream's key has its own setting");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException(variable + " must not carry a query (?...): the bundle appends paths and queries itself");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(variable + " must not carry a fragment (#...)");
        }
        String path = withoutTrailingSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
        String prefix = withoutTrailingSlashes(documentedPrefix == null ? "" : documentedPrefix);
        boolean prefixRemoved = !prefix.isEmpty() && path.endsWith(prefix);
        if (prefixRemoved) {
            path = path.substring(0, path.length() - prefix.length());
        }
        String authority = uri.getRawAuthority();
        return new UpstreamBaseUrl(scheme + "://" + authority + path, prefix, prefixRemoved);
    }

    /** The server followed by the documented prefix: the root the API's paths are appended to. */
    public String apiRoot() {
        return server + prefix;
    }

    private static String withoutTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
