package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstUseTlsStrategyTest {

    @Test
    void theTlsSetUpIsMadeOnTheFirstUpgradeOnlyAndThenKept() throws Exception {
        AtomicInteger made = new AtomicInteger();
        List<Object[]> upgrades = new ArrayList<>();
        TlsSocketStrategy recording = (socket, target, port, attachment, context) -> {
            upgrades.add(new Object[] {socket, target, port, attachment});
            return null;
        };
        FirstUseTlsStrategy strategy = new FirstUseTlsStrategy(() -> {
            made.incrementAndGet();
            return recording;
        });

        assertThat(made).as("nothing made before the first TLS connection").hasValue(0);
        Socket socket = new Socket();
        strategy.upgrade(socket, "api.example.test", 443, "attachment", null);
        strategy.upgrade(socket, "api.example.test", 443, null, null);

        assertThat(made).hasValue(1);
        assertThat(upgrades).hasSize(2);
        assertThat(upgrades.get(0)).containsExactly(socket, "api.example.test", 443, "attachment");
    }

    @Test
    void callsRacingForTheFirstUpgradeShareOneSetUp() throws Exception {
        AtomicInteger made = new AtomicInteger();
        FirstUseTlsStrategy strategy = new FirstUseTlsStrategy(() -> {
            made.incrementAndGet();
            return (socket, target, port, attachment, context) -> null;
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    strategy.upgrade(new Socket(), "h", 443, null, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(made).hasValue(1);
    }

    /** The default set-up, made late, still checks the server's certificate against the JDK's trust store. */
    @Test
    void httpClientsDefaultMadeOnFirstUseStillRefusesAnUntrustedCertificate(@TempDir Path dir) throws Exception {
        HttpsServer server = selfSignedServer(dir);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(FirstUseTlsStrategy.ofHttpClientDefault())
                        .build())
                .build()) {
            HttpGet get = new HttpGet("https://localhost:" + server.getAddress().getPort() + "/");
            assertThatThrownBy(() -> client.execute(get, response -> response.getCode()))
                    .isInstanceOf(SSLHandshakeException.class);
        } finally {
            server.stop(0);
        }
    }

    /** An HTTPS server on loopback with a self-signed certificate that keytool makes for this test. */
    private static HttpsServer selfSignedServer(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        char[] password = "test-only".toCharArray();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }
}
