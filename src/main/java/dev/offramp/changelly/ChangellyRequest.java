package dev.offramp.changelly;

/**
 * A Changelly request ready for the wire: the body is serialised once, and the signature covers
 * exactly the URL and the body that are sent.
 *
 * @param method HTTP method
 * @param url the full URL with its query string, as signed and as sent
 * @param body the JSON body as sent, or null for none (the signature then covers "{}")
 * @param signature X-Api-Signature
 */
public record ChangellyRequest(String method, String url, String body, String signature) {
}
