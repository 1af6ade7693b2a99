package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.LEGACY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A user's KYC: {@code kyc-submissions} (direct_data, external_token, handoff), {@code kyc/documents}
 * (multipart file, one URL, or a batch of URLs) and {@code verification-status}. Legacy envelope.
 *
 * <p>How verification goes here: direct_data waits ({@code IN_PROGRESS}, reported as
 * {@code PENDING_DOCUMENTS} by verification-status) until the data, a selfie and an identity front
 * (or id_number + id_type) are all present, in any order; then {@code UNDER_REVIEW}, and one clock
 * step later {@code VERIFIED}. external_token and handoff go from {@code IN_PROGRESS} to
 * {@code VERIFIED} in one step. Rejections only come from the sandbox control endpoint.
 *
 * <p>{@code PATCH kyc} updates the optional PII fields ({@link KycUpdate}) of a user that has a KYC
 * record (submitted, or set by the control endpoint; otherwise 400 {@code kyc_not_submitted}) and
 * releases its orders parked at {@code pending_address} once the address is complete
 * ({@link AddressRule}). {@code kyc/verify} is the readiness check: already verified, started (or
 * running), or not ready with the generic {@code missing} items; 400 {@code kyc_not_submitted}
 * before a direct_data submission.
 */
final class KycEndpoints {

    private static final long HANDOFF_SESSION_SECONDS = 3600;
    private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final int MAX_BATCH = 10;
    private static final Set<String> DOCUMENT_CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/gif",
            "application/pdf");

    private final SimulatorState state;
    private final KycLifecycle lifecycle;
    private final AddressRule addressRule;
    private final Clock clock;

    KycEndpoints(SimulatorState state, KycLifecycle lifecycle, AddressRule addressRule, Clock clock) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.addressRule = addressRule;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        String users = UnigoxSimulator.PARTNER + "/users/{user_uuid}";
        routes.add("POST", users + "/kyc-submissions", LEGACY, this::submit)
                .add("POST", users + "/kyc/documents", LEGACY, this::uploadDocuments)
                .add("PATCH", users + "/kyc", LEGACY, this::update)
                .add("POST", users + "/kyc/verify", LEGACY, this::verify)
                .add("GET", users + "/verification-status", LEGACY, this::verificationStatus);
    }

    private Reply submit(Call call) {
        SimUser user = UserEndpoints.user(state, call);
        JsonNode body = call.body();
        String method = call.requiredText(body, "method");
        JsonNode data = call.object(body, "data");
        SimulatedKyc kyc = user.kyc();
        if (kyc.status() == KycStatus.VERIFIED || kyc.status() == KycStatus.UNDER_REVIEW) {
            // a finished or running verification is not restarted by a second submission
            return Reply.ok(submissionView(kyc, "KYC already " + kyc.status()));
        }
        String message = switch (method) {
            case SimulatedKyc.DIRECT_DATA -> {
                kyc.recordSubmission(method, KycPii.read(call, data, clock), null, clock.instant());
                yield "PII data accepted";
            }
            case SimulatedKyc.HANDOFF -> {
                String url = "https://verify.sandbox.unigox.invalid/session/" + UUID.randomUUID();
                kyc.recordSubmission(method, KycPii.read(call, data, clock), url, clock.instant());
                yield "Verification session created";
            }
            case SimulatedKyc.EXTERNAL_TOKEN -> {
                kyc.recordSubmission(method, externalToken(call, data), null, clock.instant());
                yield "External KYC token accepted";
            }
            default -> throw call.invalid("method must be direct_data, external_token or handoff");
        };
        lifecycle.change(user, KycStatus.IN_PROGRESS, null, true);
        lifecycle.startReviewIfComplete(user);
        return Reply.ok(submissionView(kyc, message));
    }

    private Reply update(Call call) {
        SimUser user = UserEndpoints.user(state, call);
        Map<String, String> fields = KycUpdate.read(call, clock);
        if (!user.kyc().exists()) {
            throw SimError.legacy(400, "kyc_not_submitted",
                    "the user has no KYC data to update; submit KYC first (POST .../kyc-submissions)");
        }
        if (!fields.isEmpty()) {
            user.kyc().updatePii(fields, clock.instant());
            addressRule.release(user);
        }
        return Reply.ok(UnigoxJson.object("updated_fields", List.copyOf(fields.keySet()),
                "message", "KYC data updated successfully"));
    }

    private Reply verify(Call call) {
        SimUser user = UserEndpoints.user(state, call);
        SimulatedKyc kyc = user.kyc();
        if (kyc.status() == KycStatus.VERIFIED) {
            return Reply.ok(UnigoxJson.object("ready", true, "status", "VERIFIED", "message", "User is already verified."));
        }
        if (!SimulatedKyc.DIRECT_DATA.equals(kyc.method())) {
            throw SimError.legacy(400, "kyc_not_submitted",
                    "submit KYC with the direct_data method first (POST .../kyc-submissions)");
        }
        if (kyc.status() == KycStatus.UNDER_REVIEW) {
            return Reply.ok(UnigoxJson.object("ready", true, "status", "IN_PROGRESS",
                    "message", "Verification is already in progress."));
        }
        List<String> missing = kyc.missingForVerification();
        if (!missing.isEmpty()) {
            return Reply.ok(UnigoxJson.object("ready", false, "missing", missing, "message",
                    "Missing required items: " + String.join(", ", missing).replace('_', ' ')
                            + ". Upload them, then verification starts automatically (or call this endpoint again)."));
        }
        // complete but not running (a rejected file sent again): verification starts now
        lifecycle.change(user, KycStatus.UNDER_REVIEW, null, true);
        return Reply.ok(UnigoxJson.object("ready", true, "status", "IN_PROGRESS", "message", "Verification started."));
    }

    private static Map<String, String> externalToken(Call call, JsonNode data) {
        if (data == null) {
            throw call.missing(List.of("data"));
        }
        String provider = call.requiredText(data, "provider");
        return switch (provider) {
            case "sumsub" -> Map.of("provider", provider, "token", call.requiredText(data, "token"));
            case "persona" -> Map.of("provider", provider, "inquiry_id", call.requiredText(data, "inquiry_id"));
            default -> throw call.invalid("provider must be sumsub or persona");
        };
    }

    private static Map<String, Object> submissionView(SimulatedKyc kyc, String message) {
        return UnigoxJson.object("kyc_status", kyc.status().name(), "message", message,
                "verification_url", kyc.verificationUrl());
    }

    private Reply uploadDocuments(Call call) {
        SimUser user = UserEndpoints.user(state, call);
        Reply reply = MultipartForm.isMultipart(call.request().header("content-type"))
                ? uploadFile(call, user)
                : uploadUrls(call, user);
        lifecycle.startReviewIfComplete(user);
        return reply;
    }

    private Reply uploadFile(Call call, SimUser user) {
        MultipartForm form;
        try {
            form = MultipartForm.parse(call.request().body(), call.request().header("content-type"));
        } catch (IllegalArgumentException e) {
            throw SimError.legacy(400, "invalid_request", "malformed multipart body: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        MultipartForm.Part file = form.part("document").orElse(null);
        MultipartForm.Part type = form.part("document_type").orElse(null);
        if (file == null) {
            missing.add("document");
        }
        if (type == null || type.text().isBlank()) {
            missing.add("document_type");
        }
        if (!missing.isEmpty()) {
            throw call.missing(missing);
        }
        String documentType = requireKnownType(type.text().trim());
        checkFile(file);
        String fileName = file.fileName() == null || file.fileName().isBlank() ? "document" : file.fileName();
        return Reply.ok(accept(user, documentType, fileName));
    }

    private Reply uploadUrls(Call call, SimUser user) {
        JsonNode body = call.body();
        if (!"url_link".equals(call.requiredText(body, "upload_method"))) {
            throw call.invalid("upload_method must be url_link (or send multipart/form-data)");
        }
        JsonNode batch = body.get("documents");
        if (batch == null || batch.isNull()) {
            String documentType = requireKnownType(call.requiredText(body, "document_type"));
            String url = call.requiredText(body, "url");
            if (!isHttps(url)) {
                throw SimError.legacy(400, "invalid_url", "url must be an HTTPS URL");
            }
            return Reply.ok(accept(user, documentType, fileName(url)));
        }
        if (!batch.isArray() || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw call.invalid("documents must be a list of 1 to " + MAX_BATCH + " documents");
        }
        List<Object> uploaded = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        for (JsonNode item : batch) {
            String documentType = item.path("document_type").asText("");
            String url = item.path("url").asText("");
            String problem = !KycDocumentTypes.isKnown(documentType) ? "unsupported document_type"
                    : !isHttps(url) ? "url must be an HTTPS URL" : null;
            if (problem != null) {
                errors.add(UnigoxJson.object("document_type", documentType, "error", problem));
                continue;
            }
            Map<String, Object> accepted = accept(user, documentType, fileName(url));
            uploaded.add(UnigoxJson.object("document_type", documentType, "document_id", accepted.get("document_id"),
                    "file_name", accepted.get("file_name"), "status", "uploaded"));
        }
        Map<String, Object> result = UnigoxJson.object("uploaded", uploaded);
        if (!errors.isEmpty()) {
            result.put("errors", errors);
        }
        result.put("message", "Documents accepted");
        return Reply.ok(result);
    }

    private Map<String, Object> accept(SimUser user, String documentType, String fileName) {
        SimulatedKyc.Document document = new SimulatedKyc.Document(UUID.randomUUID().toString(), documentType,
                fileName, clock.instant());
        user.kyc().addDocument(document);
        return UnigoxJson.object("document_id", document.documentId(), "document_type", documentType,
                "file_name", fileName, "message", "Documents accepted");
    }

    private static String requireKnownType(String documentType) {
        if (!KycDocumentTypes.isKnown(documentType)) {
            throw SimError.legacy(400, "invalid_document_type", "unsupported document_type: " + documentType);
        }
        return documentType;
    }

    /** JPEG, PNG, GIF or PDF by declared type or by signature; not empty; at most 10 MB. */
    private static void checkFile(MultipartForm.Part file) {
        byte[] content = file.content();
        if (content.length == 0) {
            throw SimError.legacy(400, "invalid_file", "document is empty");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw SimError.legacy(400, "invalid_file", "document is larger than 10 MB");
        }
        String declared = file.contentType() == null ? "" : file.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!DOCUMENT_CONTENT_TYPES.contains(declared) && !hasImageOrPdfSignature(content)) {
            throw SimError.legacy(400, "invalid_file", "document must be a JPEG, PNG, GIF or PDF file");
        }
    }

    private static boolean hasImageOrPdfSignature(byte[] c) {
        return c.length >= 4 && ((c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF
                || (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G'
                || c[0] == 'G' && c[1] == 'I' && c[2] == 'F' && c[3] == '8'
                || c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F');
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "document" : last;
    }

    private Reply verificationStatus(Call call) {
        SimulatedKyc kyc = UserEndpoints.user(state, call).kyc();
        String status = kyc.partnerFacingStatus();
        List<String> messages = switch (status) {
            case "PENDING_DOCUMENTS" -> List.of("Waiting for: " + String.join(", ", kyc.missingForVerification()));
            case "IN_PROGRESS" -> List.of("Verification in progress");
            case "UNDER_REVIEW" -> List.of("Under manual compliance review");
            case "VERIFIED" -> List.of("Verification approved");
            case "VERIFICATION_REJECTED" -> List.of(kyc.rejectionReason());
            default -> null;
        };
        Long secondsLeft = null;
        if (SimulatedKyc.HANDOFF.equals(kyc.method()) && kyc.status() == KycStatus.IN_PROGRESS) {
            long elapsed = Duration.between(kyc.sessionStartedAt(), clock.instant()).getSeconds();
            secondsLeft = Math.max(0, HANDOFF_SESSION_SECONDS - elapsed);
        }
        return Reply.ok(UnigoxJson.object("status", status, "verification_url", kyc.verificationUrl(),
                "verification_seconds_left", secondsLeft, "provider_messages", messages));
    }
}
