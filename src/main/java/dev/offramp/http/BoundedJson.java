package dev.offramp.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON that comes from outside (API bodies, webhooks, upstream answers) within fixed limits, into
 * plain Java values: {@code Map} (insertion order), {@code List}, {@code String}, {@code Boolean},
 * {@code null}, integers as {@code Integer}/{@code Long}/{@code BigInteger} and other numbers as
 * {@code BigDecimal}, never a double.
 *
 * <p>Why a reader of its own instead of {@code ObjectMapper.readValue}: a number such as
 * {@code 1e999999999} is 11 characters, parses cheaply into a BigDecimal, and only explodes later when
 * someone writes it out plain (gigabytes of zeros). So the size <em>and</em> the exponent of every
 * number are checked here, as it is read, before any other code can convert it; and a refusal names
 * where in the document it happened ({@code forward_request.value}), which a data-binding exception
 * cannot do reliably. Jackson's own {@link StreamReadConstraints} stay on as the net below (they stop a
 * 100,000-digit number or a 10,000-deep nesting while it is tokenised, before any value exists).
 *
 * <p>Everything refused is a {@link Refused} whose message is written for the sender: no exception
 * text, no parser internals, no echo of the document.
 */
public final class BoundedJson {

    /** Arrays and objects inside each other, at most. Our bodies and the upstreams' answers use under 10. */
    public static final int MAX_DEPTH = 64;
    /** Characters of one number (digits, sign, point, exponent). An amount needs under 40, a uint256 78. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** How far a number's exponent may move its decimal point (|scale| of the BigDecimal). */
    public static final int MAX_EXPONENT = 100;
    /** Characters of one string value (inbound bodies are capped far lower by their byte size). */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Characters of one object key. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /** Characters of one document: the net for upstream answers, which no request limit caps. */
    public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;

    private static final int MAX_PATH_IN_MESSAGE = 200;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    // a little above ours, so that our own checks (which can name the place) speak first
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .build();

    private BoundedJson() {
    }

    /** Why a document was refused, in words for its sender; {@link #path()} is where, or null for the whole. */
    public static final class Refused extends RuntimeException {

        private final String path;

        Refused(String message, String path) {
            super(message, null, false, false);
            this.path = path;
        }

        /** {@code amount_from}, {@code forward_request.value}, {@code documents[1].url}; null for the document itself. */
        public String path() {
            return path;
        }
    }

    /** The bytes as UTF-8 JSON (invalid UTF-8 is refused, not replaced); null for no bytes at all. */
    public static Object read(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            return read("");
        }
        String text;
        try {
            // strict: a replacement character silently standing in for a broken byte is not what was sent
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("the body is not valid UTF-8", null);
        }
        return read(text);
    }

    /** One JSON value and nothing after it; blank text is refused. */
    public static Object read(String text) {
        if (text == null || text.isBlank()) {
            throw new Refused("the body is empty; a JSON value is expected", null);
        }
        if (text.length() > MAX_DOCUMENT_LENGTH) {
            throw new Refused("the body is longer than " + MAX_DOCUMENT_LENGTH + " characters", null);
        }
        List<String> path = new ArrayList<>();
        JsonParser p;
        try {
            p = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new IllegalStateException("a parser over a string cannot fail to open", e);
        }
        try (p) {
            Object value = value(p, p.nextToken(), path);
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (IOException | RuntimeException trailingGarbage) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                throw new Refused("the body has more after its JSON value" + location(p) + "; send exactly one JSON value", null);
            }
            return value;
        } catch (Refused refused) {
            throw refused;
        } catch (StreamConstraintsException limit) {
            throw limitExceeded(limit, path);
        } catch (IOException | RuntimeException malformed) {
            // the exception's own text (and e.getLocation(), which may be null) is not for the sender
            throw new Refused("the body is not valid JSON" + location(p) + where(path), at(path));
        }
    }

    /** " (line 1, column 9)": where the parser stopped, which the sender can look up in what it sent. */
    private static String location(JsonParser p) {
        var l = p.currentLocation();
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static Object value(JsonParser p, JsonToken token, List<String> path) throws IOException {
        if (token == null) {
            throw new Refused("the body ends before its JSON value does", at(path));
        }
        return switch (token) {
            case START_OBJECT -> object(p, path);
            case START_ARRAY -> array(p, path);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue(); // at most MAX_NUMBER_LENGTH digits: Integer, Long or BigInteger
            case VALUE_NUMBER_FLOAT -> decimal(p, path);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new Refused("the body is not valid JSON" + where(path), at(path));
        };
    }

    private static Map<String, Object> object(JsonParser p, List<String> path) throws IOException {
        checkDepth(path);
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = memberName(p, path, null); t != JsonToken.END_OBJECT; t = memberName(p, path, p.currentName())) {
            if (t != JsonToken.FIELD_NAME) {
                throw new Refused("the body is not valid JSON" + where(path), at(path));
            }
            String name = p.currentName();
            path.add(path.isEmpty() ? name : "." + name);
            if (map.containsKey(name)) {
                // two values for one key: which one counts would depend on who reads it
                throw new Refused(at(path) + " appears twice in the same object", at(path));
            }
            map.put(name, value(p, p.nextToken(), path));
            path.remove(path.size() - 1);
        }
        return map;
    }

    /**
     * The next member's name. Jackson reads a member's value together with its name, so a value over a
     * limit (a 5,000-digit number) fails here: the name is then already known, and goes on the path.
     */
    private static JsonToken memberName(JsonParser p, List<String> path, String previous) throws IOException {
        try {
            return p.nextToken();
        } catch (StreamConstraintsException limit) {
            String name = p.currentName();
            if (name != null && !name.equals(previous)) {
                path.add(path.isEmpty() ? name : "." + name);
            }
            throw limit;
        }
    }

    private static List<Object> array(JsonParser p, List<String> path) throws IOException {
        checkDepth(path);
        List<Object> list = new ArrayList<>();
        while (true) {
            // on the path before the element is read: a limit can fail while its token is read
            path.add("[" + list.size() + "]");
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                path.remove(path.size() - 1);
                return list;
            }
            list.add(value(p, t, path));
            path.remove(path.size() - 1);
        }
    }

    private static void checkDepth(List<String> path) {
        // path holds one entry per enclosing container's member, so its size is the depth above this one
        if (path.size() >= MAX_DEPTH) {
            throw new Refused("the body nests arrays and objects more than " + MAX_DEPTH + " levels deep", null);
        }
    }

    /** A non-integer number: its text is short (the factory saw to it); its exponent is checked here. */
    private static BigDecimal decimal(JsonParser p, List<String> path) throws IOException {
        BigDecimal value;
        try {
            value = p.getDecimalValue();
        } catch (IOException | RuntimeException exponentOverflow) {
            // e.g. 1e2147483648: not even a BigDecimal can hold the exponent
            throw numberOutOfRange(path);
        }
        if (value.scale() > MAX_EXPONENT || value.scale() < -MAX_EXPONENT) {
            throw numberOutOfRange(path);
        }
        return value;
    }

    private static Refused numberOutOfRange(List<String> path) {
        return new Refused(subject(path) + " is a number out of range: its exponent may move the decimal point at most "
                + MAX_EXPONENT + " places", at(path));
    }

    private static Refused limitExceeded(StreamConstraintsException limit, List<String> path) {
        String what = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
        if (what.startsWith("Number")) {
            return new Refused(subject(path) + " is a number of more than " + MAX_NUMBER_LENGTH + " characters", at(path));
        }
        if (what.startsWith("String")) {
            return new Refused(subject(path) + " is a string of more than " + MAX_STRING_LENGTH + " characters", at(path));
        }
        if (what.startsWith("Name")) {
            return new Refused("the body has an object key of more than " + MAX_NAME_LENGTH + " characters" + where(path), at(path));
        }
        if (what.contains("nesting")) {
            return new Refused("the body nests arrays and objects more than " + MAX_DEPTH + " levels deep", null);
        }
        if (what.startsWith("Document")) {
            return new Refused("the body is longer than " + MAX_DOCUMENT_LENGTH + " characters", null);
        }
        return new Refused("the body exceeds a JSON limit (at most " + MAX_DEPTH + " levels of nesting, numbers of "
                + MAX_NUMBER_LENGTH + " characters, strings of " + MAX_STRING_LENGTH + " characters)", at(path));
    }

    private static String subject(List<String> path) {
        return path.isEmpty() ? "the body" : at(path);
    }

    private static String where(List<String> path) {
        return path.isEmpty() ? "" : " at " + at(path);
    }

    /** The path as one string, cut short: keys are the sender's own text and may be long. */
    private static String at(List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (String segment : path) {
            s.append(segment);
            if (s.length() > MAX_PATH_IN_MESSAGE) {
                return s.substring(0, MAX_PATH_IN_MESSAGE) + "…";
            }
        }
        return s.toString();
    }
}
