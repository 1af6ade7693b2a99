package dev.offramp.upstream;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A TLS set-up made on the first TLS connection, not when the connection pool is built. HttpClient's
 * default one loads the JDK's trust store and the public-suffix list: about 0.1 s of every start-up
 * (BENCHMARKS.md, session 5), also for a bundle whose upstreams are the plain-HTTP simulators.
 */
public final class FirstUseTlsStrategy implements TlsSocketStrategy {

    private final Supplier<? extends TlsSocketStrategy> create;
    private volatile TlsSocketStrategy strategy;

    public FirstUseTlsStrategy(Supplier<? extends TlsSocketStrategy> create) {
        this.create = Objects.requireNonNull(create, "create");
    }

    /** HttpClient's own default ({@link DefaultClientTlsStrategy#createDefault()}), made on first use. */
    public static FirstUseTlsStrategy ofHttpClientDefault() {
        return new FirstUseTlsStrategy(DefaultClientTlsStrategy::createDefault);
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy made = strategy;
        if (made == null) {
            synchronized (this) {
                made = strategy;
                if (made == null) {
                    made = Objects.requireNonNull(create.get(), "TLS strategy");
                    strategy = made;
                }
            }
        }
        return made;
    }
}
