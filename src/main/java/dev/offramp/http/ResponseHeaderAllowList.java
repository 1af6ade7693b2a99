package dev.offramp.http;

import java.util.Locale;
import java.util.Set;

/**
 * The only headers an answer of the HTTP server may carry, whatever the route left on the message.
 * Everything else is dropped at the HTTP layer: request headers and query parameters would otherwise be
 * echoed back (a crafted link could set Set-Cookie or Access-Control-Allow-Origin on our origin), and so
 * would the headers of upstream answers (their cookies, server names).
 */
public final class ResponseHeaderAllowList {

    /**
     * Lower case. Content-Type and Content-Length are written by the server from the message itself;
     * they are listed so that the list is the whole truth about what an answer carries.
     */
    public static final Set<String> NAMES = Set.of(
            "content-type",
            "content-length",
            // every API answer: the caller's correlation id (sanitised by CorrelationIds) or ours
            "x-correlation-id",
            // 429/503 answers passed on from an upstream, and the sandbox simulators' injected faults
            "retry-after",
            // GET /api/v1/offramp/offers: how long each upstream took
            "server-timing",
            // a redirect or a created resource, should a route ever answer one
            "location",
            // 405 answers: the methods the path does serve (HTTP requires it there)
            "allow");

    private ResponseHeaderAllowList() {
    }

    public static boolean allows(String headerName) {
        return headerName != null && NAMES.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
