package dev.offramp.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query string of an API request, read explicitly (query parameters are never message headers: see
 * dev.offramp.http.InboundHeaderRule). A key in the URL is refused outright: URLs end up in proxy logs,
 * browser histories and Referer headers, so keys travel in the X-API-Key header only.
 */
public final class QueryParameters {

    /** What a key in the query could be called; compared without case, '-' or '_'. */
    private static final java.util.Set<String> KEY_NAMES = java.util.Set.of("xapikey", "apikey");

    /**
     * @throws ApiProblem 400 when the query holds an API key, whatever its value (which is never repeated
     *     back nor logged)
     */
    public void refuseKeys(String rawQuery) {
        for (Map.Entry<String, String> pair : QueryStrings.pairs(rawQuery)) {
            if (KEY_NAMES.contains(pair.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))) {
                throw new ApiProblem(400, "key_in_query",
                        "API keys are not accepted in the URL; send the key as the X-API-Key request header", "X-API-Key", null);
            }
        }
    }

    /**
     * Every query parameter by name, each given at most once (no operation takes a repeated parameter, and
     * which of two values wins would be a guess). Unknown names are kept here and ignored by the routes.
     *
     * @throws ApiProblem 400 naming a parameter given more than once
     */
    public Map<String, String> of(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, String> pair : QueryStrings.pairs(rawQuery)) {
            if (parameters.putIfAbsent(pair.getKey(), pair.getValue()) != null) {
                throw ApiProblem.badParameter(pair.getKey(), "query parameter '" + pair.getKey() + "' is given more than once");
            }
        }
        return parameters;
    }
}
