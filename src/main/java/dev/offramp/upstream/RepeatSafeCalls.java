package dev.offramp.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which calls to an upstream may be sent again after a failure without risk of doing twice what was
 * asked once. Every GET is; a POST only when its path matches one of the configured patterns
 * ({@code *} stands for one path segment), taken from what the upstream documents as repeat-safe.
 */
public final class RepeatSafeCalls {

    private final List<Pattern> safePosts = new ArrayList<>();

    /** @param safePostPaths comma-separated path patterns, e.g. {@code /users,/orders/*}{@code /confirm-fiat-received} */
    public RepeatSafeCalls(String safePostPaths) {
        for (String path : safePostPaths == null ? new String[0] : safePostPaths.split(",")) {
            String p = path.trim();
            if (!p.isEmpty()) {
                safePosts.add(Pattern.compile(Pattern.quote(p).replace("*", "\\E[^/]+\\Q")));
            }
        }
    }

    public boolean isRepeatSafe(String method, String path) {
        if ("GET".equalsIgnoreCase(method)) {
            return true;
        }
        if (!"POST".equalsIgnoreCase(method) || path == null) {
            return false;
        }
        return safePosts.stream().anyMatch(p -> p.matcher(path).matches());
    }
}
