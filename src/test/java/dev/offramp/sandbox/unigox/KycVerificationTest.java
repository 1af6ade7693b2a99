package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KYC: the three methods, documents by file and URL, and when verification starts and finishes. */
class KycVerificationTest {

    private static final String ADA = "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"country_code\":\"NG\"%s}";

    private final SimulatorClient sim = new SimulatorClient();
    private String user;

    @BeforeEach
    void newUser() {
        user = sim.createUser("kyc-user");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Response submit(String method, String data) {
        return sim.post(P + "/users/" + user + "/kyc-submissions", "{\"method\":\"" + method + "\",\"data\":" + data + "}");
    }

    private Response directData(String extraPii) {
        return submit("direct_data", "{\"pii\":" + ADA.formatted(extraPii) + "}");
    }

    private Response upload(String type) {
        return sim.postMultipart(P + "/users/" + user + "/kyc/documents", type, type + ".jpg", "image/jpeg",
                SimulatorClient.jpeg());
    }

    private JsonNode verification() {
        return sim.get(P + "/users/" + user + "/verification-status").data();
    }

    private String kycStatus() {
        return sim.get(P + "/users/" + user).data().get("kyc").get("status").asText();
    }

    private List<String> kycWebhooks() {
        return sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries").findValues("status").stream()
                .map(JsonNode::asText).toList();
    }

    @Test
    void directDataVerifiesOnlyOnceDataSelfieAndIdentityFrontArePresent() {
        assertThat(verification().get("status").asText()).isEqualTo("NOT_INITIATED");
        directData("");
        assertThat(kycStatus()).isEqualTo("IN_PROGRESS");
        JsonNode pending = verification();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_DOCUMENTS");
        assertThat(pending.get("provider_messages").get(0).asText()).isEqualTo("Waiting for: identity_document, selfie");

        upload("selfie");
        upload("identity_back");
        assertThat(kycStatus()).isEqualTo("IN_PROGRESS");
        assertThat(sim.post("/_sandbox/users/" + user + "/kyc/advance").status()).isEqualTo(409);

        upload("passport");
        assertThat(kycStatus()).isEqualTo("UNDER_REVIEW");
        assertThat(verification().get("status").asText()).isEqualTo("UNDER_REVIEW");
        sim.post("/_sandbox/users/" + user + "/kyc/advance");
        assertThat(kycStatus()).isEqualTo("VERIFIED");
        assertThat(kycWebhooks()).containsExactly("UNDER_REVIEW", "VERIFIED");
    }

    @Test
    void documentsMayComeBeforeTheData() {
        upload("national_id_front");
        upload("selfie");
        assertThat(kycStatus()).isEqualTo("NOT_INITIATED");
        Response submitted = directData("");
        assertThat(submitted.data().get("kyc_status").asText()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aRegistryNumberStandsInForTheIdentityDocument() {
        directData(",\"id_number\":\"12345678901\",\"id_type\":\"NIN\"");
        upload("selfie");
        assertThat(kycStatus()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void urlUploadsSingleAndBatch() {
        directData("");
        Response single = sim.post(P + "/users/" + user + "/kyc/documents", "{\"upload_method\":\"url_link\","
                + "\"document_type\":\"identity_front\",\"url\":\"https://example.com/docs/id-front.jpg\"}");
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.data().get("file_name").asText()).isEqualTo("id-front.jpg");
        assertThat(single.data().get("message").asText()).isEqualTo("Documents accepted");

        Response batch = sim.post(P + "/users/" + user + "/kyc/documents", "{\"upload_method\":\"url_link\",\"documents\":["
                + "{\"document_type\":\"selfie\",\"url\":\"https://example.com/selfie.jpg\"},"
                + "{\"document_type\":\"identity_back\",\"url\":\"http://example.com/back.jpg\"},"
                + "{\"document_type\":\"hologram\",\"url\":\"https://example.com/h.jpg\"}]}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.data().get("uploaded")).hasSize(1);
        assertThat(batch.data().get("uploaded").get(0).get("status").asText()).isEqualTo("uploaded");
        assertThat(batch.data().get("errors")).extracting(e -> e.get("document_type").asText())
                .containsExactly("identity_back", "hologram");
        assertThat(kycStatus()).isEqualTo("UNDER_REVIEW");

        Response plainHttp = sim.post(P + "/users/" + user + "/kyc/documents", "{\"upload_method\":\"url_link\","
                + "\"document_type\":\"selfie\",\"url\":\"http://example.com/s.jpg\"}");
        assertThat(plainHttp.status()).isEqualTo(400);
        assertThat(plainHttp.data().get("error_key").asText()).isEqualTo("invalid_url");
    }

    @Test
    void badUploadsAreRefused() {
        String path = P + "/users/" + user + "/kyc/documents";
        assertThat(sim.postMultipart(path, "hologram", "h.jpg", "image/jpeg", SimulatorClient.jpeg())
                .data().get("error_key").asText()).isEqualTo("invalid_document_type");
        assertThat(sim.postMultipart(path, "selfie", "s.jpg", "image/jpeg", new byte[0])
                .data().get("error_key").asText()).isEqualTo("invalid_file");
        assertThat(sim.postMultipart(path, "selfie", "s.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                .data().get("error_key").asText()).isEqualTo("invalid_file");
        Response noType = sim.send("POST", path, "", SimulatorClient.KEY, "multipart/form-data; boundary=b",
                ("--b\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--b--\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(noType.data().get("error_key").asText()).isEqualTo("required_fields_missing");
        Response broken = sim.send("POST", path, "", SimulatorClient.KEY, "multipart/form-data; boundary=b",
                "--b\r\nno headers end".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(sim.postMultipart(P + "/users/" + UUID.randomUUID() + "/kyc/documents", "selfie", "s.jpg",
                "image/jpeg", SimulatorClient.jpeg()).status()).isEqualTo(404);
    }

    @Test
    void piiIsCheckedAsTheContractSays() {
        // the clock stands at 2026-03-01
        assertThat(directData(",\"dob\":\"2010-05-05\"").data().get("error_key").asText()).isEqualTo("underage_not_allowed");
        assertThat(directData(",\"dob\":\"2008-03-02\"").data().get("error_key").asText()).isEqualTo("underage_not_allowed");
        assertThat(directData(",\"dob\":\"2008-03-01\"").status()).isEqualTo(200);
        assertThat(directData(",\"dob\":\"1990-02-30\"").data().get("error_key").asText()).isEqualTo("invalid_date_of_birth");
        assertThat(directData(",\"dob\":\"2030-01-01\"").data().get("error_key").asText()).isEqualTo("invalid_date_of_birth");
        assertThat(directData(",\"id_number\":\"123\",\"id_type\":\"PASSPORT\"").data().get("error_key").asText())
                .isEqualTo("invalid_identity_number_type");
        Response missing = submit("direct_data", "{\"pii\":{\"first_name\":\"Ada\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.data().get("error_key").asText()).isEqualTo("required_fields_missing");
        assertThat(missing.data().get("message").asText()).contains("last_name", "country_code");
        assertThat(submit("selfie_only", "{}").data().get("error_key").asText()).isEqualTo("invalid_field_value");
        assertThat(sim.post(P + "/users/" + UUID.randomUUID() + "/kyc-submissions", "{\"method\":\"handoff\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void anExternalTokenVerifiesOnTheNextStep() {
        Response submitted = submit("external_token", "{\"provider\":\"sumsub\",\"token\":\"tok-1\"}");
        assertThat(submitted.data().get("kyc_status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(verification().get("status").asText()).isEqualTo("IN_PROGRESS");
        sim.post("/_sandbox/users/" + user + "/kyc/advance");
        assertThat(kycStatus()).isEqualTo("VERIFIED");
        // a verified user is not sent back to verification by another submission
        Response again = submit("external_token", "{\"provider\":\"persona\",\"inquiry_id\":\"inq_1\"}");
        assertThat(again.data().get("kyc_status").asText()).isEqualTo("VERIFIED");
        assertThat(kycStatus()).isEqualTo("VERIFIED");
    }

    @Test
    void aHandoffHasAVerificationUrlAndACountdown() {
        Response submitted = submit("handoff", "{\"pii\":" + ADA.formatted("") + "}");
        String url = submitted.data().get("verification_url").asText();
        assertThat(url).startsWith("https://");
        sim.clock.advance(Duration.ofSeconds(600));
        JsonNode status = verification();
        assertThat(status.get("verification_url").asText()).isEqualTo(url);
        assertThat(status.get("verification_seconds_left").asLong()).isEqualTo(3000);
        sim.post("/_sandbox/users/" + user + "/kyc/advance");
        assertThat(kycStatus()).isEqualTo("VERIFIED");
        assertThat(verification().get("verification_seconds_left").isNull()).isTrue();
    }

    @Test
    void aReviewerCanRejectWithAReason() {
        Response rejected = sim.post("/_sandbox/users/" + user + "/kyc",
                "{\"kyc_status\":\"VERIFICATION_REJECTED\",\"rejection_reason\":\"Document expired\"}");
        assertThat(rejected.data().get("kyc_status").asText()).isEqualTo("VERIFICATION_REJECTED");
        assertThat(sim.get(P + "/users/" + user).data().get("kyc").get("rejection_reason").asText())
                .isEqualTo("Document expired");
        assertThat(verification().get("provider_messages").get(0).asText()).isEqualTo("Document expired");
        JsonNode delivery = sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries").get(0);
        assertThat(delivery.get("event_type").asText()).isEqualTo("user.kyc.updated");
        assertThat(delivery.get("status").asText()).isEqualTo("REJECTED");
        assertThat(delivery.get("state").asText()).isEqualTo("not_sent");
        assertThat(sim.post("/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"IN_PROGRESS\"}").status()).isEqualTo(400);

        // a rejected user may submit again
        assertThat(directData("").data().get("kyc_status").asText()).isEqualTo("IN_PROGRESS");
    }
}
