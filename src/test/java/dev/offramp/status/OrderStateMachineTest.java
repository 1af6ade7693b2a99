package dev.offramp.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exhaustive tests of {@link OrderStateMachine} against a LITERAL expected table.
 *
 * <p>Nothing here is derived from {@link ProviderStatusModel}'s own rules (main path, endings, ways
 * out): every allowed move is written out by hand below, so a mistake in the model's derivation, a
 * status added to the model without a test, or a move the spec does not allow all fail a named case.
 */
class OrderStateMachineTest {

    private static final OrderStateMachine MACHINE = new OrderStateMachine();

    // ------------------------------------------------------------------------------------------------
    // The spec, written out literally.
    // ------------------------------------------------------------------------------------------------

    /** Every Unigox status, main path first (forward order), then alternative endings, then refund statuses. */
    private static final List<String> UNIGOX_STATUSES = List.of(
            "creation_unconfirmed",
            "created",
            "pending_address",
            "awaiting_liquidity_provider",
            "awaiting_crypto_transfer_authorization",
            "crypto_transfer_authorization_pending",
            "crypto_received",
            "fiat_payment_started",
            "fiat_payment_review_started",
            "awaiting_fiat_received_confirmation",
            "fiat_received_confirmed",
            "crypto_release_pending",
            "settlement_in_progress",
            "completed",
            "cancelled",
            "failed",
            "dispute_started",
            "price_changed_requote_needed",
            "returned",
            "refund_pending",
            "refunded");

    /** Unigox main path in forward order; used only to classify the reason of an ignored move. */
    private static final List<String> UNIGOX_MAIN_PATH = List.of(
            "creation_unconfirmed",
            "created",
            "pending_address",
            "awaiting_liquidity_provider",
            "awaiting_crypto_transfer_authorization",
            "crypto_transfer_authorization_pending",
            "crypto_received",
            "fiat_payment_started",
            "fiat_payment_review_started",
            "awaiting_fiat_received_confirmation",
            "fiat_received_confirmed",
            "crypto_release_pending",
            "settlement_in_progress",
            "completed");

    /** For each Unigox status, exactly the statuses it may move to. */
    private static final Map<String, Set<String>> UNIGOX_ALLOWED = Map.ofEntries(
            Map.entry("creation_unconfirmed", Set.of(
                    "created", "pending_address", "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization",
                    "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("created", Set.of(
                    "pending_address", "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization",
                    "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("pending_address", Set.of(
                    "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization",
                    "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("awaiting_liquidity_provider", Set.of(
                    "awaiting_crypto_transfer_authorization",
                    "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("awaiting_crypto_transfer_authorization", Set.of(
                    "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("crypto_transfer_authorization_pending", Set.of(
                    "crypto_received", "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("crypto_received", Set.of(
                    "fiat_payment_started",
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("fiat_payment_started", Set.of(
                    "fiat_payment_review_started", "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("fiat_payment_review_started", Set.of(
                    "awaiting_fiat_received_confirmation", "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("awaiting_fiat_received_confirmation", Set.of(
                    "fiat_received_confirmed",
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("fiat_received_confirmed", Set.of(
                    "crypto_release_pending", "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("crypto_release_pending", Set.of(
                    "settlement_in_progress", "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("settlement_in_progress", Set.of(
                    "completed",
                    "cancelled", "failed", "dispute_started", "price_changed_requote_needed", "returned")),
            Map.entry("completed", Set.of()),
            Map.entry("cancelled", Set.of("refund_pending", "refunded")),
            Map.entry("failed", Set.of()),
            Map.entry("dispute_started", Set.of("completed", "cancelled")),
            Map.entry("price_changed_requote_needed", Set.of()),
            Map.entry("returned", Set.of()),
            Map.entry("refund_pending", Set.of("refunded")),
            Map.entry("refunded", Set.of()));

    private static final Set<String> UNIGOX_FINAL = Set.of(
            "completed", "failed", "price_changed_requote_needed", "returned", "refunded");

    private static final Map<String, String> UNIGOX_CANONICAL = Map.ofEntries(
            Map.entry("creation_unconfirmed", "creation_unconfirmed"),
            Map.entry("created", "created"),
            Map.entry("pending_address", "awaiting_action"),
            Map.entry("awaiting_liquidity_provider", "created"),
            Map.entry("awaiting_crypto_transfer_authorization", "awaiting_action"),
            Map.entry("crypto_transfer_authorization_pending", "processing"),
            Map.entry("crypto_received", "processing"),
            Map.entry("fiat_payment_started", "processing"),
            Map.entry("fiat_payment_review_started", "processing"),
            Map.entry("awaiting_fiat_received_confirmation", "awaiting_action"),
            Map.entry("fiat_received_confirmed", "processing"),
            Map.entry("crypto_release_pending", "processing"),
            Map.entry("settlement_in_progress", "processing"),
            Map.entry("completed", "completed"),
            Map.entry("cancelled", "cancelled"),
            Map.entry("failed", "failed"),
            Map.entry("dispute_started", "disputed"),
            Map.entry("price_changed_requote_needed", "cancelled"),
            Map.entry("returned", "refunded"),
            Map.entry("refund_pending", "refund_pending"),
            Map.entry("refunded", "refunded"));

    private static final Map<String, List<String>> UNIGOX_ACTIONS = Map.ofEntries(
            Map.entry("creation_unconfirmed", List.of()),
            Map.entry("created", List.of("cancel")),
            Map.entry("pending_address", List.of("cancel")),
            Map.entry("awaiting_liquidity_provider", List.of("cancel")),
            Map.entry("awaiting_crypto_transfer_authorization", List.of("authorize-crypto-transfer", "cancel")),
            Map.entry("crypto_transfer_authorization_pending", List.of()),
            Map.entry("crypto_received", List.of("confirm-fiat-received")),
            Map.entry("fiat_payment_started", List.of("confirm-fiat-received")),
            Map.entry("fiat_payment_review_started", List.of()),
            Map.entry("awaiting_fiat_received_confirmation", List.of("confirm-fiat-received")),
            Map.entry("fiat_received_confirmed", List.of()),
            Map.entry("crypto_release_pending", List.of()),
            Map.entry("settlement_in_progress", List.of()),
            Map.entry("completed", List.of()),
            Map.entry("cancelled", List.of()),
            Map.entry("failed", List.of()),
            Map.entry("dispute_started", List.of()),
            Map.entry("price_changed_requote_needed", List.of()),
            Map.entry("returned", List.of()),
            Map.entry("refund_pending", List.of()),
            Map.entry("refunded", List.of()));

    /** Every Changelly status, main path first (forward order), then the other endings. */
    private static final List<String> CHANGELLY_STATUSES = List.of(
            "creation_unconfirmed", "created", "pending", "hold", "complete", "refunded", "expired", "failed");

    private static final List<String> CHANGELLY_MAIN_PATH = List.of("creation_unconfirmed", "created", "pending", "hold", "complete");

    private static final Map<String, Set<String>> CHANGELLY_ALLOWED = Map.ofEntries(
            Map.entry("creation_unconfirmed", Set.of("created", "pending", "hold", "complete", "refunded", "expired", "failed")),
            Map.entry("created", Set.of("pending", "hold", "complete", "refunded", "expired", "failed")),
            Map.entry("pending", Set.of("hold", "complete", "refunded", "expired", "failed")),
            Map.entry("hold", Set.of("complete", "refunded", "expired", "failed")),
            Map.entry("complete", Set.of()),
            Map.entry("refunded", Set.of("complete")),
            Map.entry("expired", Set.of()),
            Map.entry("failed", Set.of()));

    private static final Set<String> CHANGELLY_FINAL = Set.of("complete", "expired", "failed");

    private static final Map<String, String> CHANGELLY_CANONICAL = Map.ofEntries(
            Map.entry("creation_unconfirmed", "creation_unconfirmed"),
            Map.entry("created", "created"),
            Map.entry("pending", "processing"),
            Map.entry("hold", "on_hold"),
            Map.entry("complete", "completed"),
            Map.entry("refunded", "refunded"),
            Map.entry("expired", "expired"),
            Map.entry("failed", "failed"));

    /**
     * Proposed statuses the provider does not know. Besides garbage and blanks, the other provider's
     * word for success (and a case variant) must not slip through.
     */
    private static final Map<Provider, List<String>> UNKNOWN_TO = Map.of(
            Provider.UNIGOX, Arrays.asList("bogus", "", " ", null, "complete", "COMPLETED", "pending"),
            Provider.CHANGELLY, Arrays.asList("bogus", "", " ", null, "completed", "COMPLETE", "cancelled"));

    // ------------------------------------------------------------------------------------------------
    // Spec lookup helpers (all over the literal tables above).
    // ------------------------------------------------------------------------------------------------

    private static List<String> statuses(Provider p) {
        return p == Provider.UNIGOX ? UNIGOX_STATUSES : CHANGELLY_STATUSES;
    }

    private static List<String> mainPath(Provider p) {
        return p == Provider.UNIGOX ? UNIGOX_MAIN_PATH : CHANGELLY_MAIN_PATH;
    }

    private static Map<String, Set<String>> allowed(Provider p) {
        return p == Provider.UNIGOX ? UNIGOX_ALLOWED : CHANGELLY_ALLOWED;
    }

    private static Set<String> finals(Provider p) {
        return p == Provider.UNIGOX ? UNIGOX_FINAL : CHANGELLY_FINAL;
    }

    private static Map<String, String> canonical(Provider p) {
        return p == Provider.UNIGOX ? UNIGOX_CANONICAL : CHANGELLY_CANONICAL;
    }

    /** One proposed move; toString names it so a failing case says which pair broke. */
    record Move(Provider provider, String from, String to, boolean expectedApplied) {
        @Override
        public String toString() {
            return provider.id() + ": " + show(from) + " -> " + show(to)
                    + (expectedApplied ? " (allowed)" : " (forbidden)");
        }

        private static String show(String s) {
            return s == null ? "<null>" : "'" + s + "'";
        }
    }

    /** Every ordered pair of known statuses, plus every known status to each unknown one. */
    static Stream<Move> everyPair() {
        List<Move> moves = new ArrayList<>();
        for (Provider p : Provider.values()) {
            for (String from : statuses(p)) {
                Set<String> ok = allowed(p).get(from);
                for (String to : statuses(p)) {
                    moves.add(new Move(p, from, to, ok.contains(to)));
                }
                for (String to : UNKNOWN_TO.get(p)) {
                    moves.add(new Move(p, from, to, false));
                }
            }
        }
        return moves.stream();
    }

    /** Moves that must be ignored, for the reason checks. */
    static Stream<Move> everyForbiddenPair() {
        return everyPair().filter(m -> !m.expectedApplied());
    }

    static Stream<Move> everyAllowedPair() {
        return everyPair().filter(Move::expectedApplied);
    }

    /** A new order (current == null) arriving in each known status. */
    static Stream<Move> newOrderKnown() {
        List<Move> moves = new ArrayList<>();
        for (Provider p : Provider.values()) {
            for (String to : statuses(p)) {
                moves.add(new Move(p, null, to, true));
            }
        }
        return moves.stream();
    }

    static Stream<Move> newOrderUnknown() {
        List<Move> moves = new ArrayList<>();
        for (Provider p : Provider.values()) {
            for (String to : UNKNOWN_TO.get(p)) {
                moves.add(new Move(p, null, to, false));
            }
        }
        return moves.stream();
    }

    /** (provider, status) for every known status. */
    record Known(Provider provider, String status) {
        @Override
        public String toString() {
            return provider.id() + ": " + status;
        }
    }

    static Stream<Known> everyStatus() {
        List<Known> all = new ArrayList<>();
        for (Provider p : Provider.values()) {
            for (String s : statuses(p)) {
                all.add(new Known(p, s));
            }
        }
        return all.stream();
    }

    // ------------------------------------------------------------------------------------------------
    // Self-check of the literal tables (guards against a typo in this file).
    // ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void literalTablesCoverTheSameStatuses(Provider p) {
        assertThat(allowed(p).keySet()).containsExactlyInAnyOrderElementsOf(statuses(p));
        assertThat(canonical(p).keySet()).containsExactlyInAnyOrderElementsOf(statuses(p));
        assertThat(statuses(p)).doesNotHaveDuplicates().containsAll(mainPath(p)).containsAll(finals(p));
        allowed(p).forEach((from, to) -> assertThat(statuses(p)).as("targets of %s", from).containsAll(to));
        allowed(p).forEach((from, to) ->
                assertThat(to.isEmpty()).as("%s is final in the literal table", from).isEqualTo(finals(p).contains(from)));
        if (p == Provider.UNIGOX) {
            assertThat(UNIGOX_ACTIONS.keySet()).containsExactlyInAnyOrderElementsOf(UNIGOX_STATUSES);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The exhaustive transition table.
    // ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPair")
    @DisplayName("decide() applies exactly the moves in the literal table")
    void appliesExactlyTheTabledMoves(Move m) {
        TransitionDecision d = MACHINE.decideFor(m.provider(), m.from(), m.to());

        assertThat(d.applied()).as("applied").isEqualTo(m.expectedApplied());
        assertThat(d.from()).as("from").isEqualTo(m.from());
        assertThat(d.to()).as("to").isEqualTo(m.to());
        if (m.expectedApplied()) {
            assertThat(d.reason()).as("reason").isNull();
            assertThat(d.outcome()).isEqualTo("applied");
            assertThat(d.canonicalStatus()).as("canonical status after the move (the NEW one)")
                    .isEqualTo(canonical(m.provider()).get(m.to()));
        } else {
            assertThat(d.reason()).as("reason").isNotBlank();
            assertThat(d.outcome()).isEqualTo("ignored");
            assertThat(d.canonicalStatus()).as("canonical status kept (the CURRENT one)")
                    .isEqualTo(canonical(m.provider()).get(m.from()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPair")
    @DisplayName("the wire-id overload of decide() agrees")
    void wireIdOverloadAgrees(Move m) {
        TransitionDecision byId = MACHINE.decide(m.provider().id(), m.from(), m.to());
        assertThat(byId).isEqualTo(MACHINE.decideFor(m.provider(), m.from(), m.to()));
        assertThat(byId.applied()).isEqualTo(m.expectedApplied());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForbiddenPair")
    @DisplayName("an ignored move says why")
    void ignoredMoveSaysWhy(Move m) {
        Provider p = m.provider();
        String reason = MACHINE.decideFor(p, m.from(), m.to()).reason();

        assertThat(reason).isNotBlank();
        boolean toKnown = m.to() != null && statuses(p).contains(m.to());
        int fromRank = mainPath(p).indexOf(m.from());
        int toRank = toKnown ? mainPath(p).indexOf(m.to()) : -1;

        if (m.to() == null || m.to().isBlank()) {
            // no status at all: any non-blank reason will do
            return;
        }
        if (!toKnown) {
            assertThat(reason).containsIgnoringCase("unknown").contains(m.to());
        } else if (m.from().equals(m.to())) {
            assertThat(reason).contains("already");
        } else if (finals(p).contains(m.from())) {
            assertThat(reason).contains("is final").contains(m.from());
        } else if (fromRank >= 0 && toRank >= 0 && toRank < fromRank) {
            assertThat(reason).contains("regression");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // New orders (no current status).
    // ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("newOrderKnown")
    void newOrderInAnyKnownStatusIsApplied(Move m) {
        TransitionDecision d = MACHINE.decideFor(m.provider(), null, m.to());
        assertThat(d.applied()).isTrue();
        assertThat(d.from()).isNull();
        assertThat(d.to()).isEqualTo(m.to());
        assertThat(d.reason()).isNull();
        assertThat(d.canonicalStatus()).isEqualTo(canonical(m.provider()).get(m.to()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newOrderUnknown")
    void newOrderInAnUnknownStatusIsIgnored(Move m) {
        TransitionDecision d = MACHINE.decideFor(m.provider(), null, m.to());
        assertThat(d.applied()).isFalse();
        assertThat(d.reason()).isNotBlank();
        assertThat(d.canonicalStatus()).as("no current status to keep").isNull();
        if (m.to() != null && !m.to().isBlank()) {
            assertThat(d.reason()).containsIgnoringCase("unknown");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Named examples of each kind of reason (readable spot checks on top of the exhaustive table).
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Reasons {

        @Test
        void regression() {
            TransitionDecision d = MACHINE.decideFor(Provider.UNIGOX, "crypto_received", "awaiting_liquidity_provider");
            assertThat(d.applied()).isFalse();
            assertThat(d.reason()).contains("regression");
            assertThat(d.canonicalStatus()).isEqualTo("processing");

            TransitionDecision c = MACHINE.decideFor(Provider.CHANGELLY, "hold", "pending");
            assertThat(c.applied()).isFalse();
            assertThat(c.reason()).contains("regression");
            assertThat(c.canonicalStatus()).isEqualTo("on_hold");
        }

        @Test
        void moveOutOfFinal() {
            TransitionDecision d = MACHINE.decideFor(Provider.UNIGOX, "completed", "cancelled");
            assertThat(d.applied()).isFalse();
            assertThat(d.reason()).contains("completed is final");
            assertThat(d.canonicalStatus()).isEqualTo("completed");

            TransitionDecision c = MACHINE.decideFor(Provider.CHANGELLY, "expired", "complete");
            assertThat(c.applied()).isFalse();
            assertThat(c.reason()).contains("expired is final");
            assertThat(c.canonicalStatus()).isEqualTo("expired");
        }

        @Test
        void sameStatus() {
            TransitionDecision d = MACHINE.decideFor(Provider.UNIGOX, "crypto_received", "crypto_received");
            assertThat(d.applied()).isFalse();
            assertThat(d.reason()).contains("already");
            assertThat(d.canonicalStatus()).isEqualTo("processing");

            TransitionDecision c = MACHINE.decideFor(Provider.CHANGELLY, "pending", "pending");
            assertThat(c.applied()).isFalse();
            assertThat(c.reason()).contains("already");
        }

        @Test
        void unknownTo() {
            TransitionDecision d = MACHINE.decideFor(Provider.UNIGOX, "created", "bogus");
            assertThat(d.applied()).isFalse();
            assertThat(d.reason()).contains("unknown").contains("bogus");
            assertThat(d.canonicalStatus()).isEqualTo("created");
        }

        @Test
        void changellyRefundedIsNotFinalAndOnlyCompletes() {
            assertThat(MACHINE.decideFor(Provider.CHANGELLY, "refunded", "complete").applied()).isTrue();
            assertThat(MACHINE.decideFor(Provider.CHANGELLY, "refunded", "pending").applied()).isFalse();
            assertThat(MACHINE.isFinal("changelly", "refunded")).isFalse();
        }

        @Test
        void applied() {
            TransitionDecision d = MACHINE.decideFor(Provider.UNIGOX, "created", "completed");
            assertThat(d.applied()).isTrue();
            assertThat(d.reason()).isNull();
            assertThat(d.canonicalStatus()).isEqualTo("completed");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Per-status facts: final, canonical, actions, the model's status set.
    // ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void isFinalMatchesTheLiteralFinalSet(Known k) {
        boolean expected = finals(k.provider()).contains(k.status());
        assertThat(MACHINE.isFinal(k.provider().id(), k.status())).isEqualTo(expected);
        assertThat(MACHINE.model(k.provider()).isFinal(k.status())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void canonicalMatchesTheLiteralMapping(Known k) {
        String expected = canonical(k.provider()).get(k.status());
        assertThat(MACHINE.canonicalOf(k.provider().id(), k.status())).isEqualTo(expected);
        assertThat(CanonicalStatus.fromWireName(expected).wireName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void allowedActionsMatchTheLiteralTable(Known k) {
        List<String> expected = k.provider() == Provider.UNIGOX ? UNIGOX_ACTIONS.get(k.status()) : List.of();
        assertThat(MACHINE.allowedActions(k.provider().id(), k.status())).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void allowedActionsOfAnUnknownStatusAreEmpty(Provider p) {
        assertThat(MACHINE.allowedActions(p.id(), "bogus")).isEmpty();
        assertThat(MACHINE.allowedActions(p.id(), null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void everyLiteralStatusIsKnown(Known k) {
        assertThat(MACHINE.isKnown(k.provider().id(), k.status())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void modelKnowsExactlyTheLiteralStatuses(Provider p) {
        ProviderStatusModel model = MACHINE.model(p);
        assertThat(model.provider()).isEqualTo(p);
        assertThat(model.statuses()).containsExactlyInAnyOrderElementsOf(statuses(p));
        for (String unknown : UNKNOWN_TO.get(p)) {
            assertThat(model.knows(unknown)).as("knows %s", unknown).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void successorSetsEqualTheLiteralTable(Provider p) {
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        for (String s : MACHINE.model(p).statuses()) {
            actual.put(s, Set.copyOf(MACHINE.model(p).successorsOf(s)));
        }
        assertThat(actual).isEqualTo(allowed(p));
    }

    // ------------------------------------------------------------------------------------------------
    // Provider ids.
    // ------------------------------------------------------------------------------------------------

    @Test
    void fromIdResolvesTheKnownIds() {
        assertThat(Provider.fromId("unigox")).isEqualTo(Provider.UNIGOX);
        assertThat(Provider.fromId("changelly")).isEqualTo(Provider.CHANGELLY);
        assertThat(Provider.UNIGOX.id()).isEqualTo("unigox");
        assertThat(Provider.CHANGELLY.id()).isEqualTo("changelly");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"bogus", "", " ", "binance", "unigoxx", "change lly"})
    void fromIdRejectsUnknownIds(String id) {
        assertThatThrownBy(() -> Provider.fromId(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MACHINE.decide(id, "created", "pending")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromIdRejectsNull() {
        assertThatThrownBy(() -> Provider.fromId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
