package dev.offramp.sandbox.unigox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small {@code multipart/form-data} parser (RFC 7578) over the raw body bytes, so file uploads need
 * no extra dependency. It reads each part's {@code Content-Disposition} name and filename and its
 * {@code Content-Type}, and keeps the content bytes exactly as sent. Anything malformed is an
 * {@link IllegalArgumentException} with a reason.
 */
final class MultipartForm {

    /** One form field; {@code fileName} is null for a plain text field. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern DISPOSITION_PARAM = Pattern.compile("(?i)(\\w+)\\*?=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]+)");
    private static final int MAX_PARTS = 50;

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = parts;
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartForm parse(byte[] body, String contentType) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart content type without a boundary");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(1);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);

        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("boundary not found in the body");
        }
        List<Part> parts = new ArrayList<>();
        at += delimiter.length;
        while (true) {
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return new MultipartForm(parts);
            }
            if (!startsWith(body, at, CRLF)) {
                throw new IllegalArgumentException("no line break after a boundary");
            }
            int headersStart = at + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part headers not terminated");
            }
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("closing boundary missing");
            }
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, contentStart, contentEnd)));
            if (parts.size() > MAX_PARTS) {
                throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
            }
            at = contentEnd + nextDelimiter.length;
        }
    }

    Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<Part> parts() {
        return List.copyOf(parts);
    }

    private static Part part(String headerBlock, byte[] content) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new IllegalArgumentException("part without Content-Disposition: form-data");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = DISPOSITION_PARAM.matcher(disposition);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        String name = params.get("name");
        if (name == null) {
            throw new IllegalArgumentException("part without a name");
        }
        return new Part(name, params.get("filename"), headers.get("content-type"), content);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = Math.max(from, 0); i <= data.length - needle.length; i++) {
            if (startsWith(data, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
