package dev.offramp.sandbox.unigox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's reference data: the off-ramp payout rails of the markets it prices
 * ({@link OfframpPricing}: EUR, GBP, NGN, BRL, KES, USD), each with its countries, the fields its payment
 * details need, and its institutions. The rails whose payment details may omit {@code institution_id} in
 * the contract's schema (CreatePaymentDetailsRequestInstitutionOptional: iban-sepa, nip-nigeria) say
 * {@code institution_required: false}; the others need an institution, faster-payments included (the
 * payment-rails prose also lets it omit one, the schema does not: the schema is the safe side). Field keys, patterns and
 * settlement follow the contract's examples where it gives them. Payment details are held to this table
 * (UserEndpoints): a rail that does not pay out the currency, or an institution not listed on the rail, is
 * refused, as the contract says Unigox refuses an institution its institutions endpoint does not return.
 */
final class SupportedRails {

    record Field(String key, String label, String type, boolean required, String pattern) {
        Map<String, Object> json() {
            Map<String, Object> f = UnigoxJson.object("key", key, "label", label, "type", type, "required", required);
            if (pattern != null) {
                f.put("pattern", pattern);
            }
            return f;
        }
    }

    record Institution(String id, String name, String type, String institutionType, String code) {
    }

    record Rail(String slug, String name, String currency, List<String> countries, boolean institutionRequired,
                String lookupKey, String speed, int typicalMinutes, List<Field> fields, List<Institution> institutions) {

        Map<String, Object> json() {
            return UnigoxJson.object(
                    "slug", slug,
                    "name", name,
                    "institution_required", institutionRequired,
                    "institution_lookup_key", lookupKey,
                    "currencies", List.of(currency),
                    "settlement", UnigoxJson.object("speed", speed, "typical_minutes", typicalMinutes, "note", null),
                    "limits", null,
                    "fields", fields.stream().map(Field::json).toList());
        }
    }

    private static final Field FULL_NAME = new Field("full_name", "Full Name", "text", true, null);

    static final List<Rail> RAILS = List.of(
            new Rail("iban-sepa", "SEPA bank transfer (IBAN)", "EUR",
                    List.of("AT", "BE", "DE", "ES", "FI", "FR", "IE", "IT", "NL", "PT"), false, null, "SAME_DAY", 240,
                    List.of(FULL_NAME, new Field("iban", "IBAN", "text", true, "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"),
                            new Field("bic", "BIC", "text", false, null)),
                    List.of(new Institution("other-bank", "Other Bank", "BANK", "traditional-banks", null),
                            new Institution("deutsche-bank", "Deutsche Bank", "BANK", "traditional-banks", "DEUTDEFF"),
                            new Institution("n26", "N26", "BANK", "digital-banks", "NTSBDEB1"))),
            new Rail("faster-payments", "UK Faster Payments", "GBP", List.of("GB"), true, "sort_code", "INSTANT", 5,
                    List.of(FULL_NAME, new Field("account_number", "Account Number", "text", true, "^\\d{8}$"),
                            new Field("sort_code", "Sort Code", "text", true, "^\\d{6}$")),
                    List.of(new Institution("other-bank", "Other Bank", "BANK", "traditional-banks", null),
                            new Institution("barclays", "Barclays", "BANK", "traditional-banks", "BARCGB22"))),
            new Rail("nip-nigeria", "NIP Nigeria (NIBSS Instant Payments)", "NGN", List.of("NG"), false, null, "INSTANT", 2,
                    List.of(new Field("account_number", "Account Number", "text", true, "^\\d{10}$"),
                            new Field("full_name", "Full Name", "text", false, null)),
                    List.of(new Institution("other-bank", "Other Bank", "BANK", "traditional-banks", null),
                            new Institution("guaranty-trust-bank", "Guaranty Trust Bank", "BANK", "traditional-banks", "058"),
                            new Institution("access-bank", "Access Bank", "BANK", "traditional-banks", "044"))),
            new Rail("pix", "PIX", "BRL", List.of("BR"), true, null, "INSTANT", 1,
                    List.of(FULL_NAME, new Field("pix_key", "PIX Key", "text", true, null)),
                    List.of(new Institution("nubank", "Nubank", "BANK", "digital-banks", "260"),
                            new Institution("itau", "Itaú Unibanco", "BANK", "traditional-banks", "341"))),
            new Rail("pesalink", "PesaLink", "KES", List.of("KE"), true, null, "INSTANT", 2,
                    List.of(FULL_NAME, new Field("account_number", "Account Number", "text", true, null)),
                    List.of(new Institution("equity-bank", "Equity Bank", "BANK", "traditional-banks", "68"),
                            new Institution("kcb", "KCB Bank", "BANK", "traditional-banks", "01"))),
            new Rail("ach", "ACH bank transfer", "USD", List.of("US"), true, null, "NEXT_DAY", 1440,
                    List.of(FULL_NAME, new Field("account_number", "Account Number", "text", true, null),
                            new Field("routing_number", "Routing Number", "text", true, "^\\d{9}$")),
                    List.of(new Institution("chase", "JPMorgan Chase", "BANK", "traditional-banks", "021000021"),
                            new Institution("bank-of-america", "Bank of America", "BANK", "traditional-banks", "026009593"))));

    private static final Map<String, String> CURRENCY_NAMES = Map.of(
            "EUR", "Euro", "GBP", "British Pound", "NGN", "Nigerian Naira", "BRL", "Brazilian Real",
            "KES", "Kenyan Shilling", "USD", "United States Dollar");

    private SupportedRails() {
    }

    /** Rails for a country and/or currency (either may be null, not both). */
    static List<Rail> matching(String country, String currency) {
        List<Rail> found = new ArrayList<>();
        for (Rail rail : RAILS) {
            boolean countryFits = country == null || rail.countries().contains(country.toUpperCase(Locale.ROOT));
            boolean currencyFits = currency == null || rail.currency().equalsIgnoreCase(currency);
            if (countryFits && currencyFits) {
                found.add(rail);
            }
        }
        return found;
    }

    static Rail rail(String slug) {
        return RAILS.stream().filter(r -> r.slug().equals(slug)).findFirst().orElse(null);
    }

    /** FiatCurrencyCapability per currency a rail pays out in. */
    static List<Object> fiatCurrencies() {
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        for (Rail rail : RAILS) {
            Map<String, Object> currency = byCode.computeIfAbsent(rail.currency(), code -> UnigoxJson.object(
                    "code", code, "name", CURRENCY_NAMES.get(code), "institution_id", new ArrayList<String>(),
                    "countries", new ArrayList<String>(), "onramp", false, "offramp", true));
            @SuppressWarnings("unchecked")
            List<String> institutions = (List<String>) currency.get("institution_id");
            rail.institutions().forEach(i -> {
                if (!institutions.contains(i.id())) {
                    institutions.add(i.id());
                }
            });
            @SuppressWarnings("unchecked")
            List<String> countries = (List<String>) currency.get("countries");
            countries.addAll(rail.countries());
        }
        return new ArrayList<>(byCode.values());
    }

    static String currencyName(String code) {
        return CURRENCY_NAMES.get(code);
    }
}
