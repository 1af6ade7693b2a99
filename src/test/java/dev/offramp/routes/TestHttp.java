package dev.offramp.routes;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The tests' HTTP client, configured as the README tells Java integrators to on plain HTTP: HTTP/1.1.
 * The JDK's default (HTTP/2, tried through an {@code Upgrade: h2c} on {@code http://}) fails now and then on
 * the bundle's larger answers (README "HTTP/2 over plain HTTP: use HTTP/1.1 or TLS"; it failed one full
 * run once, in ApiDocsTest).
 */
public final class TestHttp {

    private TestHttp() {
    }

    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }
}
