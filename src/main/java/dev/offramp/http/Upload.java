package dev.offramp.http;

/**
 * One file part of a multipart/form-data request.
 *
 * @param field the form field name (e.g. "document")
 * @param fileName the client's file name
 * @param contentType the part's content type
 * @param content the file bytes
 */
public record Upload(String field, String fileName, String contentType, byte[] content) {
}
