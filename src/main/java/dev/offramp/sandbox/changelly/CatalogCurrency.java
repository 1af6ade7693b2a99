package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;

/**
 * A currency the sandbox trades.
 *
 * @param usdValue what one unit is worth in USD: the sandbox's fixed price list, from which every quote follows
 */
record CatalogCurrency(String ticker, String name, Kind kind, String network, int precision, String extraIdName, BigDecimal usdValue) {

    enum Kind { crypto, fiat }

    static CatalogCurrency crypto(String ticker, String name, String network, int precision, String extraIdName, String usdValue) {
        return new CatalogCurrency(ticker, name, Kind.crypto, network, precision, extraIdName, new BigDecimal(usdValue));
    }

    static CatalogCurrency fiat(String ticker, String name, String usdValue) {
        // "Fiat currencies always have precision 2" (reference §3.2)
        return new CatalogCurrency(ticker, name, Kind.fiat, "", 2, null, new BigDecimal(usdValue));
    }

    boolean isCrypto() {
        return kind == Kind.crypto;
    }
}
