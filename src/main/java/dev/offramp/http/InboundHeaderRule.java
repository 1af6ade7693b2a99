package dev.offramp.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which request values may become message headers. The HTTP server offers the routes, under one and the
 * same name space, the request headers, then every query parameter, then (multipart and urlencoded
 * bodies) the form fields, each through the same question "may (name, value) become a header?". Left
 * alone, "?X-API-Key=k" or "?Idempotency-Key=..." reads exactly like the header of that name, and
 * "?id=x" merges into the path parameter {id}. The rule:
 * <ul>
 *   <li>a real request header is admitted, each of its values once; the same name offered again after
 *       that (a query parameter or form field of the same name) is not;</li>
 *   <li>a query parameter never becomes a header: routes read the query explicitly (QueryParameters);</li>
 *   <li>a form field is admitted under a form-field-like name (lower case, digits, underscores) that is
 *       neither a request header, a query parameter, a path parameter nor an HTTP header name.</li>
 * </ul>
 * The server offers the headers first, in order, then the query, then path parameters are added, then
 * the form: counting what is already admitted under a name tells the phases apart.
 */
public final class InboundHeaderRule {

    private static final Pattern FORM_FIELD = Pattern.compile("[a-z0-9_]{1,100}");
    /**
     * The path parameters of the REST operations ({id} only): a form field so named is never admitted,
     * whatever its count (the counting below cannot tell a path parameter from a first form value).
     */
    private static final Set<String> PATH_PARAMETERS = Set.of("id");
    /** HTTP header names that are also valid form field names: a form field never passes for one of them. */
    private static final Set<String> ONE_WORD_HEADERS = Set.of("accept", "age", "allow", "authorization", "connection", "cookie",
            "date", "etag", "expect", "forwarded", "from", "host", "link", "location", "origin", "pragma", "prefer", "range",
            "referer", "refresh", "server", "te", "trailer", "upgrade", "vary", "via", "warning");

    private InboundHeaderRule() {
    }

    /**
     * @param name the name offered
     * @param headerValues the values the request really carries under this header name (case-insensitive)
     * @param queryNames the names of the request's query parameters
     * @param formValues the values of the form field of this name (empty when none, or no form)
     * @param alreadyAdmitted how many values the message already holds under this name
     */
    public static boolean admit(String name, List<String> headerValues, Set<String> queryNames, List<String> formValues,
            int alreadyAdmitted) {
        if (!headerValues.isEmpty()) {
            return alreadyAdmitted < headerValues.size();
        }
        if (formValues.isEmpty() || queryNames.contains(name) || PATH_PARAMETERS.contains(name) || ONE_WORD_HEADERS.contains(name)
                || !FORM_FIELD.matcher(name).matches()) {
            return false;
        }
        return alreadyAdmitted < formValues.size();
    }
}
