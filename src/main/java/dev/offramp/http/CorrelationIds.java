package dev.offramp.http;

import java.util.regex.Pattern;

/** The correlation id of a request: the caller's X-Correlation-Id when it is a sane token, else ours. */
public final class CorrelationIds {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public String of(String presented, String fallback) {
        // anything else could forge or break log lines
        return presented != null && TOKEN.matcher(presented).matches() ? presented : fallback;
    }
}
