package dev.offramp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How far back the feed keeps events, by the bundle's clock (the retention job deletes what is older). */
class EventsFeedRetentionTest {

    @Test
    void theFeedKeepsTheRetentionDaysBackFromNowInUtc() {
        EventsFeed feed = new EventsFeed(Clock.fixed(Instant.parse("2026-03-30T01:30:00Z"), ZoneOffset.ofHours(2)), 0);

        // calendar days in UTC (a zone's daylight-saving change does not move it)
        assertThat(feed.keptSince(30)).isEqualTo(OffsetDateTime.parse("2026-02-28T01:30:00Z"));
        assertThat(feed.keptSince(0)).isEqualTo(OffsetDateTime.parse("2026-03-30T01:30:00Z"));
    }
}
