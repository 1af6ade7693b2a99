package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every quote handed out, by id; quotes live {@code quoteTtlSeconds} from creation. */
final class QuoteBook {

    private final long quoteTtlSeconds;
    private final Map<String, Quote> quotes = new HashMap<>();

    QuoteBook(long quoteTtlSeconds) {
        this.quoteTtlSeconds = quoteTtlSeconds;
    }

    Quote issue(String userUuid, long paymentDetailsId, Price price, Instant now) {
        Quote quote = new Quote(UUID.randomUUID().toString(), userUuid, paymentDetailsId, price,
                now.plusSeconds(quoteTtlSeconds));
        quotes.put(quote.quoteId(), quote);
        return quote;
    }

    Optional<Quote> find(String quoteId) {
        return Optional.ofNullable(quoteId == null ? null : quotes.get(quoteId));
    }

    void clear() {
        quotes.clear();
    }
}
