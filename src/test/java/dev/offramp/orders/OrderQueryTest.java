package dev.offramp.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OrderQueryTest {

    @Test
    void theNewFiltersAreReadAndPassedToTheQueries() {
        OrderQuery q = OrderQuery.parse(null, null, null, null, "true", "5b3e7fc8-fc65-40fe-80b5-27f40657e97e",
                "2026-12-01T00:00:00Z");
        assertThat(q.actionRequired()).isTrue();
        assertThat(q.userId()).isEqualTo("5b3e7fc8-fc65-40fe-80b5-27f40657e97e");
        assertThat(q.updatedSince()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00Z"));
        assertThat(q.toParameters()).containsEntry("actionRequired", true).containsKey("updatedSince");
        assertThat(OrderQuery.parse(null, null, null, null, "false", "", null).actionRequired()).isFalse();
        assertThat(OrderQuery.parse(null, null, null, null).actionRequired()).isNull();
    }

    @Test
    void aPageIsAnOffsetThatCannotOverflow() {
        assertThat(OrderQuery.offset(null, 50, 200)).isZero();
        assertThat(OrderQuery.offset("3", 50, 200)).isEqualTo(100L);
        assertThat(OrderQuery.offset(String.valueOf(Integer.MAX_VALUE / 200), 200, 200)).isPositive();
        assertField("page", () -> OrderQuery.offset("0", 50, 200));
        assertField("page", () -> OrderQuery.offset(String.valueOf(Integer.MAX_VALUE), 50, 200));
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        assertField("action_required", () -> OrderQuery.parse(null, null, null, null, "TRUE", null, null));
        assertField("user_id", () -> OrderQuery.parse(null, null, null, null, null, "42", null));
        assertField("updated_since", () -> OrderQuery.parse(null, null, null, null, null, null, "2026-12-01"));
        assertField("updated_since", () -> OrderQuery.parse(null, null, null, null, null, null, "9".repeat(5000)));
    }

    private static void assertField(String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).getField()).isEqualTo(field))
                .satisfies(e -> assertThat(((ApiProblem) e).getStatus()).isEqualTo(400));
    }
}
