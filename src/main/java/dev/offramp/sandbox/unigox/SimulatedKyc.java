package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One user's KYC file: the submitted method and PII, the uploaded documents, and the status. Knows
 * what is still missing before a {@code direct_data} verification can start, and which status an
 * automatic step leads to. Changed only under the simulator's lock, through {@link KycLifecycle}.
 */
final class SimulatedKyc {

    static final String DIRECT_DATA = "direct_data";
    static final String EXTERNAL_TOKEN = "external_token";
    static final String HANDOFF = "handoff";

    /** One accepted document (the bytes themselves are not kept: nothing ever looks at them). */
    record Document(String documentId, String documentType, String fileName, Instant uploadedAt) {
    }

    private KycStatus status = KycStatus.NOT_INITIATED;
    private String method;
    private Map<String, String> pii = Map.of();
    private final List<Document> documents = new ArrayList<>();
    private String verificationUrl;
    private Instant sessionStartedAt;
    private String rejectionReason;
    private Instant updatedAt;
    private long version;

    SimulatedKyc(Instant createdAt) {
        this.updatedAt = createdAt;
    }

    KycStatus status() {
        return status;
    }

    String method() {
        return method;
    }

    Map<String, String> pii() {
        return pii;
    }

    String verificationUrl() {
        return verificationUrl;
    }

    Instant sessionStartedAt() {
        return sessionStartedAt;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Bumped on every status change, so a step scheduled for an older status does nothing. */
    long version() {
        return version;
    }

    void recordSubmission(String method, Map<String, String> pii, String verificationUrl, Instant at) {
        this.method = method;
        this.pii = Map.copyOf(pii);
        this.verificationUrl = verificationUrl;
        this.sessionStartedAt = at;
        this.updatedAt = at;
    }

    /** PATCH kyc: the given optional fields replace their old values; the others stay. */
    void updatePii(Map<String, String> fields, Instant at) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(pii);
        merged.putAll(fields);
        this.pii = Map.copyOf(merged);
        this.updatedAt = at;
    }

    /** Whether there is a KYC record to update: a submission, or a status a reviewer set. */
    boolean exists() {
        return method != null || status != KycStatus.NOT_INITIATED;
    }

    void addDocument(Document document) {
        documents.add(document);
    }

    void changeStatus(KycStatus to, String rejectionReason, Instant at) {
        this.status = to;
        this.rejectionReason = to == KycStatus.VERIFICATION_REJECTED ? rejectionReason : null;
        this.updatedAt = at;
        this.version++;
    }

    /**
     * What a {@code direct_data} verification still needs, in the contract's generic names
     * ({@code kyc_data}, {@code identity_document}, {@code selfie}); empty when it can start. An
     * {@code id_number} with its {@code id_type} stands in for the identity document (NIN/BVN + selfie).
     */
    List<String> missingForVerification() {
        List<String> missing = new ArrayList<>();
        if (!DIRECT_DATA.equals(method)) {
            missing.add("kyc_data");
        }
        boolean registryNumber = pii.containsKey("id_number") && pii.containsKey("id_type");
        if (!registryNumber && documents.stream().noneMatch(d -> KycDocumentTypes.isIdentityFront(d.documentType()))) {
            missing.add("identity_document");
        }
        if (documents.stream().noneMatch(d -> KycDocumentTypes.SELFIE.equals(d.documentType()))) {
            missing.add("selfie");
        }
        return missing;
    }

    /**
     * The status as verification-status and KYC_NOT_CLEARED report it: a direct_data file still
     * waiting for documents reads {@code PENDING_DOCUMENTS}, which the user object has no name for.
     */
    String partnerFacingStatus() {
        boolean waitingForDocuments = status == KycStatus.IN_PROGRESS && DIRECT_DATA.equals(method)
                && !missingForVerification().isEmpty();
        return waitingForDocuments ? "PENDING_DOCUMENTS" : status.name();
    }

    /** The status the next automatic step leads to, or null when nothing happens on its own. */
    KycStatus automaticNext() {
        if (status == KycStatus.UNDER_REVIEW) {
            return KycStatus.VERIFIED;
        }
        if (status == KycStatus.IN_PROGRESS && (EXTERNAL_TOKEN.equals(method) || HANDOFF.equals(method))) {
            return KycStatus.VERIFIED;
        }
        return null;
    }
}
