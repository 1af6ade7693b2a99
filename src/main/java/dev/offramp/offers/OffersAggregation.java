package dev.offramp.offers;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Glue for the offers fan-out (a multicast): joins the offer lists of the upstream branches. A branch
 * that did not answer in time simply adds nothing; {@link OfferViews#answer} puts its error entry in.
 * Each branch's time spent in its upstream ({@code <upstream>SpentNanos}) is kept for the answer's
 * Server-Timing header.
 */
public final class OffersAggregation implements AggregationStrategy {

    private static final String SPENT_NANOS = "SpentNanos";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        List<Object> all = new ArrayList<>(listOf(oldExchange));
        all.addAll(listOf(newExchange));
        result.getMessage().setBody(all);
        if (newExchange != null && newExchange != result) {
            newExchange.getVariables().forEach((name, value) -> {
                if (name.endsWith(SPENT_NANOS)) {
                    result.setVariable(name, value);
                }
            });
        }
        return result;
    }

    private static List<?> listOf(Exchange exchange) {
        if (exchange == null) {
            return List.of();
        }
        Object body = exchange.getMessage().getBody();
        return body instanceof List<?> list ? list : List.of();
    }
}
