package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    final Identifiers identifiers = new Identifiers();

    @Test
    void ourIdsAreUuids() {
        String id = UUID.randomUUID().toString();
        assertThat(identifiers.ourId(id, "id")).isEqualTo(id);
        assertThat(identifiers.ourId(id.toUpperCase(), "id")).isEqualTo(id.toUpperCase());
        for (Object bad : new Object[] {null, "", "nobody", id + "\0", "\0" + id, id + " ", id.substring(1), id.replace('-', '_'),
                java.util.List.of(id), "x".repeat(10_000)}) {
            assertThatThrownBy(() -> identifiers.ourId(bad, "id")).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.getStatus()).isEqualTo(400);
                assertThat(p.getField()).isEqualTo("id");
                assertThat(p.getCode()).isEqualTo("invalid_parameter");
            });
        }
    }

    @Test
    void upstreamIdsAreVisibleAscii() {
        assertThat(Identifiers.upstreamIdProblem("ord_123-ABC.x:y/z", 100)).isNull();
        assertThat(Identifiers.upstreamIdProblem("~!", 2)).isNull();
        assertThat(Identifiers.upstreamIdProblem("abc", 2)).contains("longer than 2");
        for (String bad : new String[] {null, "", "a b", "a\0b", "\0", "a\tb", "a\u007fb", "ünï", "a\ud800", "\u202eabc"}) {
            assertThat(Identifiers.upstreamIdProblem(bad, 100)).as(String.valueOf(bad)).isNotNull();
        }
    }

    @Test
    void textIdentifiersArePrintableInAnyScript() {
        for (String ok : new String[] {"user-1", "Zoë Ünal", "用户 42", "emoji \uD83D\uDE00", "a'b\"c<d>", "x".repeat(200)}) {
            assertThat(Identifiers.textProblem(ok, 200)).as(ok).isNull();
        }
        for (String bad : new String[] {null, "", "a\0b", "a\ud800b", "\udc00", "a\u202eb", "a\u200bb", "a\tb", "a\nb", "a\u2028b",
                "a\u0085b", "a\u00a0b", " a", "a ", "x".repeat(201), "a\ue000b"}) {
            assertThat(Identifiers.textProblem(bad, 200)).as(String.valueOf(bad)).isNotNull();
        }
        assertThatThrownBy(() -> Identifiers.text("a\0", "user_ref", 200)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.getStatus()).isEqualTo(400);
            assertThat(p.getField()).isEqualTo("user_ref");
            assertThat(p.getMessage()).doesNotContain("\0");
        });
    }

    @Test
    void storableTextEscapesTheNulOnly() {
        assertThat(Identifiers.storable("{\"a\":\"x\0y\"}")).isEqualTo("{\"a\":\"x\\u0000y\"}");
        assertThat(Identifiers.storable("plain \u00e9")).isEqualTo("plain \u00e9");
        assertThat(Identifiers.storable(null)).isNull();
    }
}
