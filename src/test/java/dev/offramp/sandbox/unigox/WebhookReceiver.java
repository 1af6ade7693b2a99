package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK HTTP server on a free port that records every webhook POST and answers a chosen status. */
final class WebhookReceiver implements AutoCloseable {

    /** One received request: its headers (first value, lower-case names) and exact body bytes. */
    record Received(Map<String, String> headers, byte[] body) {

        JsonNode json() {
            try {
                return SimulatorClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String eventId() {
            return json().get("event_id").asText();
        }

        String eventType() {
            return json().get("event_type").asText();
        }

        String status() {
            JsonNode data = json().get("data");
            return data.has("status") ? data.get("status").asText() : data.path("kyc_status").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answerWith(int status) {
        answer = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> ofType(String eventType) {
        return received.stream().filter(r -> r.eventType().equals(eventType)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
