package dev.offramp.unigox;

import static dev.offramp.http.JsonBodies.optionalAmount;
import static dev.offramp.http.JsonBodies.optionalString;
import static dev.offramp.http.JsonBodies.requiredObject;
import static dev.offramp.http.JsonBodies.requiredOneOf;
import static dev.offramp.http.JsonBodies.requiredString;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.MultipartForm;
import dev.offramp.http.Upload;
import dev.offramp.offers.OfferRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds Unigox request bodies, as the OpenAPI contract names and types them (decimal amounts as
 * strings, {@code user_uuid}, integer {@code payment_details_id}), from the bundle's own API bodies.
 * A body the contract would refuse is refused here first, with a 400 naming our field.
 */
public final class UnigoxRequests {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,10}");

    /** A required id field of a request body (our own ids: users, payment details, quotes). */
    public String requiredId(Map<String, Object> body, String field) {
        return requiredString(body, field, 100);
    }

    /**
     * Unigox's create-or-get ({@code POST /users}) for one of our users, from its row: our user_ref and
     * its email, both required by the contract. A user without an email cannot be linked: 409 naming
     * {@code email} (POST /api/v1/users again with it fills it in).
     */
    public Map<String, Object> linkUser(Map<String, Object> user) {
        Object email = user.get("email");
        if (email == null || email.toString().isBlank()) {
            throw new ApiProblem(409, "email_required", "user '" + user.get("id")
                    + "' has no email, which Unigox needs to open its account; send it with POST /api/v1/users {user_ref, email}", "email", null);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("user_ref", user.get("user_ref"));
        request.put("email", email.toString());
        return request;
    }

    /** {@code {"method": direct_data|external_token|handoff, "data": {...}}}, passed on as given. */
    public Map<String, Object> kycSubmission(Map<String, Object> body) {
        String method = requiredOneOf(body, "method", List.of("direct_data", "external_token", "handoff"));
        Map<String, Object> data = requiredObject(body, "data");
        if (!"external_token".equals(method)) {
            Map<String, Object> pii = requiredObject(data, "pii");
            for (String field : List.of("first_name", "last_name", "country_code")) {
                try {
                    requiredString(pii, field, 200);
                } catch (ApiProblem e) {
                    throw ApiProblem.badField("data.pii." + field, "data.pii." + field + " is required for " + method);
                }
            }
        } else {
            try {
                requiredString(data, "provider", 50);
            } catch (ApiProblem e) {
                throw ApiProblem.badField("data.provider", "data.provider is required for external_token (e.g. sumsub)");
            }
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method);
        request.put("data", data);
        return request;
    }

    /** {@code PATCH /users/{user_uuid}/kyc}: the optional KYC fields, checked ({@link UnigoxKycUpdate}). */
    public Map<String, Object> kycUpdate(Map<String, Object> body) {
        return UnigoxKycUpdate.request(body, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** The JSON document-upload forms: one {@code url_link} document, or a batch of them. */
    public Map<String, Object> documentLinks(Map<String, Object> body) {
        String method = requiredOneOf(body, "upload_method", List.of("url_link"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("upload_method", method);
        if (body.get("documents") != null) {
            if (!(body.get("documents") instanceof List<?> documents) || documents.isEmpty() || documents.size() > 10) {
                throw ApiProblem.badField("documents", "documents must be a list of 1 to 10 {document_type, url}");
            }
            for (Object d : documents) {
                if (!(d instanceof Map<?, ?> document)) {
                    throw ApiProblem.badField("documents", "documents must be a list of {document_type, url}");
                }
                checkLink(Objects.toString(document.get("document_type"), null), Objects.toString(document.get("url"), null), "documents");
            }
            request.put("documents", documents(body));
        } else {
            String type = requiredString(body, "document_type", 60);
            String url = requiredString(body, "url", 2000);
            checkLink(type, url, "url");
            request.put("document_type", type);
            request.put("url", url);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> documents(Map<String, Object> body) {
        return (List<Object>) body.get("documents");
    }

    private static void checkLink(String type, String url, String field) {
        if (type == null || type.isBlank()) {
            throw ApiProblem.badField(field, "document_type is required");
        }
        if (url == null || !url.startsWith("https://")) {
            throw ApiProblem.badField(field, "url must be an https:// link");
        }
    }

    private static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    private static final List<String> DOCUMENT_TYPES = List.of("image/jpeg", "image/png", "image/gif", "application/pdf");

    /**
     * The multipart form Unigox takes for one document file: field {@code document} (JPEG, PNG, GIF
     * or PDF, as the contract lists them; at most 10 MB) and field {@code document_type}.
     */
    public MultipartForm documentUpload(List<Upload> uploads, String documentType) {
        if (documentType == null || documentType.isBlank() || documentType.length() > 60) {
            throw ApiProblem.badField("document_type", "document_type is required, e.g. identity_front or selfie");
        }
        Upload document = null;
        for (Upload u : uploads == null ? List.<Upload>of() : uploads) {
            if ("document".equals(u.field())) {
                document = u;
            }
        }
        if (document == null || document.content().length == 0) {
            throw ApiProblem.badField("document", "document is required: a jpeg, png, gif or pdf file");
        }
        String type = document.contentType() == null ? "" : document.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!DOCUMENT_TYPES.contains(type)) {
            throw ApiProblem.badField("document", "document must be image/jpeg, image/png, image/gif or application/pdf");
        }
        if (document.content().length > MAX_DOCUMENT_BYTES) {
            throw new ApiProblem(413, "payload_too_large", "document must be at most 10 MB", "document", null);
        }
        return new MultipartForm()
                .field("document_type", documentType.trim())
                .file(new Upload("document", document.fileName() == null ? "document" : document.fileName(), type, document.content()));
    }

    public Map<String, Object> paymentDetails(Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currency", currency(body, "currency"));
        request.put("rail", requiredString(body, "rail", 100));
        String institution = optionalString(body, "institution_id", 100);
        if (institution != null) {
            request.put("institution_id", institution);
        }
        Map<String, Object> details = requiredObject(body, "details");
        if (details.isEmpty()) {
            throw ApiProblem.badField("details", "details must hold the rail's fields, e.g. {\"full_name\",\"iban\"}");
        }
        request.put("details", details);
        String country = optionalString(body, "country_code", 2);
        if (country != null) {
            request.put("country_code", country);
        }
        return request;
    }

    /**
     * A firm quote for our user and payment details: exactly one of crypto_amount and fiat_amount.
     *
     * @param userUuid the Unigox user of our {@code user_id}
     * @param providerPaymentDetailsId Unigox's id of our {@code payment_details_id}
     */
    public Map<String, Object> quote(Map<String, Object> body, String userUuid, String providerPaymentDetailsId) {
        String crypto = optionalAmount(body, "crypto_amount");
        String fiat = optionalAmount(body, "fiat_amount");
        if ((crypto == null) == (fiat == null)) {
            throw ApiProblem.badField(crypto == null ? "crypto_amount" : "fiat_amount",
                    "give exactly one of crypto_amount and fiat_amount");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("user_uuid", userUuid);
        request.put("payment_details_id", paymentDetailsIdForQuote(providerPaymentDetailsId));
        request.put("crypto_currency", currency(body, "crypto_currency"));
        request.put("fiat_currency", currency(body, "fiat_currency"));
        if (crypto != null) {
            request.put("crypto_amount", crypto);
        } else {
            request.put("fiat_amount", fiat);
        }
        return request;
    }

    /** The quote request types payment_details_id as an integer although profiles carry it as a string. */
    private static Object paymentDetailsIdForQuote(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notNumeric) {
            return id;
        }
    }

    /** POST /offramp/estimate for an offers request: indicative, reserves nothing. */
    public Map<String, Object> estimate(OfferRequest offer) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("crypto_currency", offer.currencyFrom());
        request.put("fiat_currency", offer.currencyTo());
        request.put("crypto_amount", offer.amountFrom());
        request.put("country_code", offer.country());
        if (offer.paymentMethod() != null) {
            request.put("payment_method_slug", offer.paymentMethod());
        }
        return request;
    }

    public Map<String, Object> initiate(String quoteId, String orderId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("quote_id", quoteId);
        // our order id, echoed back by Unigox: ties an upstream order to ours if our write is lost
        request.put("reference_id", orderId);
        return request;
    }

    /** {@code {"forward_request": {from,to,value,gas,nonce,deadline,data}, "signature": "0x…"}}. */
    public Map<String, Object> authorizeCryptoTransfer(Map<String, Object> body) {
        Map<String, Object> forward = requiredObject(body, "forward_request");
        Map<String, Object> checked = new LinkedHashMap<>();
        for (String field : List.of("from", "to", "value", "gas", "nonce", "deadline", "data")) {
            Object value = forward.get(field);
            if (value == null || value.toString().isBlank()) {
                throw ApiProblem.badField("forward_request." + field, "forward_request." + field + " is required");
            }
            if (!(value instanceof String) && !(value instanceof Number)) {
                throw ApiProblem.badField("forward_request." + field, "forward_request." + field + " must be a string");
            }
            // the EIP-712 message carries integers as decimal strings
            checked.put(field, value instanceof Number n ? uint256("forward_request." + field, n) : value);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("forward_request", checked);
        request.put("signature", signature(body));
        return request;
    }

    /**
     * The body of POST /orders/{id}/authorize-refund: the partner's signature over the Safe transaction of
     * GET /refund-authorization-parameters, and optionally the exact payload signed (the server rebuilds it
     * and verifies with its own copy, per the contract). Where the money goes is not ours to choose: the
     * contract has no recipient field, so none is passed on.
     */
    public Map<String, Object> authorizeRefund(Map<String, Object> body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("signature", signature(body));
        String signedData = optionalString(body, "signed_data", 100_000);
        if (signedData != null) {
            request.put("signed_data", signedData);
        }
        return request;
    }

    /** The body of a signed order action (authorize-crypto-transfer or authorize-refund), checked. */
    public Map<String, Object> signedAction(String action, Map<String, Object> body) {
        return switch (action) {
            case "authorize-crypto-transfer" -> authorizeCryptoTransfer(body);
            case "authorize-refund" -> authorizeRefund(body);
            default -> throw new IllegalArgumentException("not a signed order action: " + action);
        };
    }

    private static String signature(Map<String, Object> body) {
        String signature = requiredString(body, "signature", 1000);
        if (!signature.matches("0x[0-9a-fA-F]+")) {
            throw ApiProblem.badField("signature", "signature must be 0x-prefixed hex");
        }
        return signature;
    }

    /** Digits of the largest uint256 (2^256 - 1), the widest integer an EIP-712 forward request holds. */
    private static final int UINT256_DIGITS = 78;

    /**
     * A JSON number of a forward request as the decimal string of a non-negative integer. Size and scale
     * are checked before the number is written out: 1E+999999999 is a short number and a gigabyte string.
     */
    private static String uint256(String field, Number n) {
        java.math.BigDecimal d = n instanceof java.math.BigDecimal b ? b : new java.math.BigDecimal(n.toString());
        if (d.signum() < 0 || d.precision() - d.scale() > UINT256_DIGITS
                || (d.scale() > 0 && d.stripTrailingZeros().scale() > 0)) {
            throw ApiProblem.badField(field, field + " must be a non-negative integer of at most " + UINT256_DIGITS
                    + " digits (uint256), preferably as a decimal string");
        }
        return d.toBigIntegerExact().toString();
    }

    public Map<String, Object> registerWebhook(String url) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", url);
        return request;
    }

    private static final java.util.regex.Pattern WEBHOOK_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * The {id} of DELETE /admin/unigox/webhooks/{id}, one URL path segment sent on to Unigox: letters,
     * digits, '.', '_' and '-', at most 64 (Unigox ignores it: one webhook URL per partner).
     *
     * @throws ApiProblem 400 naming id otherwise (nothing that could change the upstream path gets through)
     */
    public String webhookId(Object value) {
        if (value instanceof String id && WEBHOOK_ID.matcher(id).matches()) {
            return id;
        }
        throw ApiProblem.badParameter("id", "id must be 1 to 64 letters, digits, '.', '_' or '-'");
    }

    private static String currency(Map<String, Object> body, String field) {
        String value = requiredString(body, field, 10).toUpperCase(java.util.Locale.ROOT);
        if (!CURRENCY.matcher(value).matches()) {
            throw ApiProblem.badField(field, field + " must be a currency code such as USDT or EUR");
        }
        return value;
    }
}
