package dev.offramp.sandbox;

import dev.offramp.http.MultipartForm;
import dev.offramp.http.MultipartUploads;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The only Camel-aware piece of the sandbox: turns a platform-http exchange into a
 * {@link SandboxRequest} for a simulator and writes its {@link SandboxResponse} back.
 */
public final class SandboxHttpAdapter implements Processor {

    private final SandboxSimulator simulator;
    private final String mountPoint;

    /** @param mountPoint the path prefix the simulator's route consumes, e.g. "/sandbox/unigox" */
    public SandboxHttpAdapter(SandboxSimulator simulator, String mountPoint) {
        this.simulator = simulator;
        this.mountPoint = mountPoint;
    }

    /** Header names that are HTTP's own even when a client sends them in lower case. */
    private static final Set<String> HTTP_HEADERS = Set.of("host", "accept", "connection", "expect", "te", "origin",
            "referer", "cookie", "authorization", "pragma", "upgrade", "via", "warning", "date", "range");

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String path = uri == null ? "/" : uri;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.startsWith(mountPoint)) {
            path = path.substring(mountPoint.length());
        }
        if (path.isEmpty()) {
            path = "/";
        }
        Map<String, String> headers = new HashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel")) {
                headers.put(name.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        byte[] body = MultipartUploads.isMultipart(in.getHeader(Exchange.CONTENT_TYPE, String.class))
                ? multipartAsSent(exchange, headers)
                : in.getBody(byte[].class);
        SandboxRequest request = new SandboxRequest(
                in.getHeader(Exchange.HTTP_METHOD, "GET", String.class), path,
                in.getHeader(Exchange.HTTP_RAW_QUERY, in.getHeader(Exchange.HTTP_QUERY, "", String.class), String.class),
                headers, body);

        SandboxResponse response = simulator.handle(request);

        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.contentType() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        }
        if (response.headers() != null) {
            response.headers().forEach(in::setHeader);
        }
        in.setBody(response.body() == null ? "" : response.body());
    }

    /**
     * Vert.x has already taken a multipart request apart (files into attachments, text fields into
     * headers). The simulators read multipart the way the real upstream does, from the body, so the
     * parts are written back with the client's boundary. Text fields are the headers named like form
     * fields (lower case, digits, underscores), which HTTP headers are not.
     */
    private static byte[] multipartAsSent(Exchange exchange, Map<String, String> headers) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
        String boundary = at < 0 ? "sandbox" : contentType.substring(at + "boundary=".length()).replace("\"", "").trim();
        MultipartForm form = new MultipartForm(boundary);
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && name.matches("[a-z0-9_]+") && !HTTP_HEADERS.contains(name)) {
                form.field(name, value.toString());
            }
        });
        MultipartUploads.read(exchange).forEach(form::file);
        return form.toBytes();
    }
}
