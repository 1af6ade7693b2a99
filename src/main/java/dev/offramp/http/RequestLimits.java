package dev.offramp.http;

import java.util.Locale;

/**
 * What a request body may be, checked before anything reads it: a JSON body at most
 * {@code maxJsonBytes} (413 otherwise) with a JSON content type (415 otherwise); multipart only where
 * files are uploaded. Vert.x caps every body at camel.server.max-body-size on top of this.
 */
public final class RequestLimits {

    private final long maxJsonBytes;

    public RequestLimits(long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    /** @param body the body as read (platform-http has read it whole, within the server's cap) */
    public void check(String method, String path, String contentType, byte[] body) {
        if (method == null || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            return;
        }
        long length = body == null ? 0 : body.length;
        if (length == 0) {
            return;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean upload = path != null && path.endsWith("/kyc/documents");
        if (upload && type.startsWith("multipart/form-data")) {
            return;
        }
        if (!type.startsWith("application/json")) {
            throw new ApiProblem(415, "unsupported_media_type", "the body must be application/json"
                    + (upload ? " or multipart/form-data" : ""), "Content-Type", null);
        }
        if (length > maxJsonBytes) {
            throw new ApiProblem(413, "payload_too_large", "a JSON body may be at most " + maxJsonBytes + " bytes", null, null);
        }
    }
}
