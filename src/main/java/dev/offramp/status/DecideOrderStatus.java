package dev.offramp.status;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Asks the {@link OrderStateMachine} about variable {@code providerStatus} for an order, and sets the
 * answer as flat variables: decisionApplied (boolean), decisionFrom, decisionTo (the proposed status as
 * the timeline records it), canonicalStatus (after the decision), decisionReason (null when applied).
 * <ul>
 *   <li>{@link #forStoredOrder}: the order is variable {@code order} (its row: provider, provider_status,
 *       version); also sets orderVersion, the version the decision was made on.</li>
 *   <li>{@link #forNewOrder}: the order is being created, for variable {@code provider}.</li>
 * </ul>
 */
public final class DecideOrderStatus implements Processor {

    private final OrderStateMachine stateMachine;
    private final boolean newOrder;

    private DecideOrderStatus(OrderStateMachine stateMachine, boolean newOrder) {
        this.stateMachine = stateMachine;
        this.newOrder = newOrder;
    }

    public static DecideOrderStatus forStoredOrder(OrderStateMachine stateMachine) {
        return new DecideOrderStatus(stateMachine, false);
    }

    public static DecideOrderStatus forNewOrder(OrderStateMachine stateMachine) {
        return new DecideOrderStatus(stateMachine, true);
    }

    @Override
    public void process(Exchange exchange) {
        String proposed = exchange.getVariable("providerStatus", String.class);
        TransitionDecision decision;
        if (newOrder) {
            decision = stateMachine.decide(exchange.getVariable("provider", String.class), null, proposed);
        } else {
            Map<?, ?> order = exchange.getVariable("order", Map.class);
            decision = stateMachine.decide((String) order.get("provider"), (String) order.get("provider_status"), proposed);
            exchange.setVariable("orderVersion", order.get("version"));
        }
        exchange.setVariable("decisionApplied", decision.applied());
        exchange.setVariable("decisionFrom", decision.from());
        exchange.setVariable("decisionTo", decision.recordedTo());
        exchange.setVariable("canonicalStatus", decision.canonicalStatus());
        exchange.setVariable("decisionReason", decision.reason());
    }
}
