package dev.offramp.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The management port's info answer (GET /observe/info): what is running and since when. Camel's own
 * info endpoint reads JMX, which the bundle turns off (camel.main.jmx-enabled=false, it cost about 1.3 s
 * of every start), and answered 500. This one needs nothing but what it is given, and holds no setting
 * and no secret: the bundle's name and version, Camel's version, start time and uptime.
 */
public final class InfoAnswer {

    private InfoAnswer() {
    }

    public static Map<String, Object> of(String name, String version, String camelVersion, Instant startedAt, Instant now) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("version", version == null ? "unknown" : version);
        info.put("camel_version", camelVersion);
        info.put("java_version", Runtime.version().feature());
        info.put("started_at", startedAt.toString());
        info.put("uptime_seconds", Math.max(0, Duration.between(startedAt, now).toSeconds()));
        return info;
    }
}
