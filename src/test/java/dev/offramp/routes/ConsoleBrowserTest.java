package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The ops console in a real browser (headless chromium): sign in, filter orders and open one, replay a dead
 * letter after confirming, start a reconciliation run, and a viewer who sees no button that changes
 * anything and whose forced change the bundle refuses. Every page is saved under target/console-screenshots/.
 */
@Tag("browser")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18641", "offramp.management-port=19641",
            "offramp.db.url=jdbc:h2:mem:console-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.viewer-keys=test-viewer-key", "unigox.verify-auth.interval-seconds=0",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.retry.backoff-ms=10", "changelly.retry.backoff-ms=10"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String VIEWER_KEY = "test-viewer-key";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;
    ConsoleBrowser browser;
    /** Orders of the fixture: two waiting for the business (Unigox), one processing (Changelly). */
    List<String> waiting;
    String processing;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        if (waiting == null) {
            waiting = List.of(bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization"),
                    bundle.createOrder("unigox", "awaiting_fiat_received_confirmation"));
            processing = bundle.createOrder("changelly", "pending");
            // a cancelled Unigox order whose crypto is still in escrow (refund owed)
            String escrow = bundle.createOrder("unigox", "cancelled");
            bundle.execute("UPDATE orders SET refund_required = TRUE, refund_required_since = CURRENT_TIMESTAMP WHERE id = ?", escrow);
        }
        browser = new ConsoleBrowser(18641);
    }

    @AfterEach
    void tearDown() throws Exception {
        browser.close();
    }

    @Test
    void signsInAndShowsEveryPageWithoutTheKeyInAnyUrlOrScriptReadableCookie() throws Exception {
        browser.open("/console");
        browser.find("#sign-in");
        browser.screenshot("sign-in");

        browser.signIn(Bundle.ADMIN_KEY);

        assertThat(browser.find("#who").getText()).isEqualTo("Signed in: admin");
        browser.wait.until(d -> !browser.find("#per-status").getText().contains("…"));
        assertThat(browser.find("#per-status a[data-status='awaiting_action']").getText()).isEqualTo("2");
        assertThat(browser.find("#per-status a[data-status='cancelled']").getText()).isEqualTo("1");
        assertThat(browser.find("#n-escrow").getText()).isEqualTo("1");
        assertThat(browser.find("#escrow-sum").getText()).isEqualTo("100.5 USDT");
        browser.wait.until(d -> !browser.find("#circuits").getText().contains("…"));
        assertThat(browser.find("#circuits [data-upstream='unigox'] .n").getText()).isEqualTo("CLOSED");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console#/overview").doesNotContain(Bundle.ADMIN_KEY);
        // the session cookie is there for the browser to send, and out of the page's reach
        Cookie cookie = browser.driver.manage().getCookieNamed("offramp_console");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getValue()).doesNotContain(Bundle.ADMIN_KEY);
        assertThat((String) browser.driver.executeScript("return document.cookie")).doesNotContain("offramp_console");
        assertThat((Long) browser.driver.executeScript("return sessionStorage.length + localStorage.length")).isZero();
        assertThat(browser.driver.findElement(By.id("key")).getAttribute("value")).as("the key left the form").isEmpty();
        browser.screenshot("overview");

        // a number links to the list behind it
        browser.find("#per-status a[data-status='awaiting_action']").click();
        browser.page("orders");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/orders?status=awaiting_action");
        for (String[] page : new String[][] {{"#/dead-letters", "dead-letters"}, {"#/inbox", "inbox"},
            {"#/reconciliation", "reconciliation"}, {"#/events", "events"}}) {
            browser.go(page[0], page[1]);
            assertThat(browser.present("#page .message:not(.ok):not(.info)")).as(page[1] + " shows an error").isFalse();
            browser.screenshot(page[1]);
        }
    }

    @Test
    void filtersOrdersAndOpensOneWithItsTimelineAndNextAction() throws Exception {
        browser.signIn(Bundle.ADMIN_KEY);
        browser.driver.findElement(By.cssSelector("#nav a[data-page='orders']")).click();
        browser.page("orders");

        new Select(browser.find("#status")).selectByValue("awaiting_action");
        new Select(browser.find("#provider")).selectByValue("unigox");
        browser.find("#apply-filters").click();

        browser.wait.until(ExpectedConditions.urlContains("status=awaiting_action"));
        browser.page("orders");
        assertThat(browser.driver.getCurrentUrl()).contains("provider=unigox");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#orders tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("awaiting_action").contains("unigox"));
        assertThat(browser.find("#orders-count").getText()).isEqualTo("2 order(s) match");
        browser.screenshot("orders");

        new Select(browser.find("#status")).selectByValue("refunded");
        browser.find("#apply-filters").click();
        browser.wait.until(ExpectedConditions.urlContains("status=refunded"));
        assertThat(browser.page("orders").findElement(By.cssSelector(".empty")).getText()).isEqualTo("No order matches these filters.");

        // find by any id: nobody's is said in words; the provider's opens the order's page
        browser.find("#find-id").sendKeys("nobody-" + waiting.get(0), Keys.ENTER);
        assertThat(browser.find("#find-result .message").getText()).startsWith("No order has the id");
        browser.find("#find-id").clear();
        browser.find("#find-id").sendKeys("up-" + waiting.get(0), Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains("#/orders/" + waiting.get(0)));
        browser.page("orders");
        assertThat(browser.find("#order").getText()).contains(waiting.get(0)).contains("awaiting_crypto_transfer_authorization");
        assertThat(browser.find("#next-action").getText()).isNotBlank();
        assertThat(browser.driver.findElements(By.cssSelector("#timeline tbody tr"))).isNotEmpty();
        // the events told about it (this order was placed directly in the store: none, said in words)
        browser.wait.until(d -> d.getPageSource().contains("Events the business was told"));
        assertThat(browser.driver.findElements(By.cssSelector("#order-events tbody tr")).size()
                + browser.driver.findElements(By.xpath("//p[contains(., 'No event about this order')]")).size()).isPositive();
        browser.screenshot("order");

        browser.go("#/orders/" + java.util.UUID.randomUUID(), "orders");
        assertThat(browser.find("#page .message").getText()).contains("not_found");
        // a filter the bundle refuses: its 400, naming the parameter, in place of the list
        browser.go("#/orders?updated_since=yesterday", "orders");
        assertThat(browser.find("#page .message").getText()).contains("updated_since").contains("invalid_parameter, HTTP 400");
    }

    @Test
    void aDatabaseFailureIsShownWhereTheDataWouldBe() throws Exception {
        browser.signIn(Bundle.ADMIN_KEY);
        // the orders table out of reach, as when the database fails under a running bundle
        bundle.execute("ALTER TABLE orders RENAME TO orders_away");
        try {
            browser.go("#/orders", "orders");
            assertThat(browser.find("#page .message").getText()).contains("HTTP 500");
            assertThat(browser.find("#order-filters").isDisplayed()).as("the page around it still works").isTrue();
            browser.screenshot("database-error");
            browser.go("#/overview", "overview");
            assertThat(browser.find("#per-status .tile .message").getText()).contains("HTTP 500");
            assertThat(browser.find("#n-dead-letters").getText()).as("what does not need the table still shows").isNotBlank();
        } finally {
            bundle.execute("ALTER TABLE orders_away RENAME TO orders");
        }
    }

    @Test
    void replaysADeadLetterOnlyAfterConfirming() throws Exception {
        String id = aDeadLetterUnigoxWillAcceptOnReplay();
        browser.signIn(Bundle.ADMIN_KEY);
        browser.go("#/dead-letters?status=open", "dead-letters");
        browser.find("#dead-letters a[href='#/dead-letters/" + id + "']").click();
        browser.page("dead-letters");
        browser.screenshot("dead-letter");

        browser.find("#replay").click();
        browser.find("#confirm[open]");
        assertThat(browser.find("#confirm-text").getText()).contains("authorize-crypto-transfer");
        // the dialog starts on Cancel: Enter, or Escape, sends nothing
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("confirm-cancel");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#confirm")));
        assertThat(deadLetter(id).get("status").asText()).as("cancelled: nothing sent").isEqualTo("open");

        browser.find("#replay").click();
        browser.find("#confirm-ok").click();

        assertThat(browser.find("#replay-result .message.ok").getText()).isEqualTo("Replayed: the dead letter is now replayed.");
        assertThat(browser.find("#dead-letter-status").getText()).isEqualTo("replayed");
        assertThat(deadLetter(id).get("status").asText()).isEqualTo("replayed");
        browser.screenshot("dead-letter-replayed");
    }

    @Test
    void startsAReconciliationRun() throws Exception {
        long before = runs();
        browser.signIn(Bundle.ADMIN_KEY);
        browser.go("#/reconciliation", "reconciliation");

        browser.find("#run-now").click();
        browser.find("#confirm-ok").click();

        assertThat(browser.find("#page > .message.ok").getText()).matches("Run #\\d+ started\\.");
        assertThat(runs()).isEqualTo(before + 1);
        // the fixture's orders are unknown to the simulators, so the run may end partial: any end will do
        await().atMost(Duration.ofSeconds(30)).until(() ->
                bundle.query("SELECT finished_at FROM reconciliation_runs ORDER BY id DESC").get(0).get("finished_at") != null);
        browser.go("#/overview", "overview");
        browser.go("#/reconciliation", "reconciliation");
        assertThat(browser.find("#runs tbody tr").getText()).contains("admin").doesNotContain("running");
        browser.screenshot("reconciliation-run");
    }

    @Test
    void theRecoverFormAsksTheBundleAndSaysWhatItAnswered() throws Exception {
        browser.signIn(Bundle.ADMIN_KEY);
        browser.go("#/events", "events");

        browser.find("#recover-since").sendKeys("2026-12-04T00:00:00Z");
        browser.find("#recover button").click();
        browser.find("#confirm-ok").click();

        // POST /admin/events/recover is issue 19's (on main since cd32dcf, not on this branch): either answer is said
        String said = browser.find("#events-result .message").getText();
        assertThat(said).matches("(Recovery started: \\d+ failed deliveries since .* will be sent again\\."
                + "|This bundle has no POST /admin/events/recover yet \\(HTTP 40[45]\\)\\.)");
        browser.screenshot("events-recover");
    }

    @Test
    void aViewerSeesNoChangingButtonAndAForcedChangeIsRefused() throws Exception {
        String id = anOpenDeadLetter();
        browser.signIn(VIEWER_KEY);
        assertThat(browser.find("#who").getText()).isEqualTo("Signed in: viewer (read only)");

        browser.go("#/dead-letters/" + id, "dead-letters");
        assertThat(browser.present("#replay")).isFalse();
        assertThat(browser.find("#dead-letter").getText()).contains("Replaying needs an admin key.");
        browser.screenshot("viewer-dead-letter");
        browser.go("#/reconciliation", "reconciliation");
        assertThat(browser.present("#run-now")).isFalse();
        browser.go("#/events", "events");
        assertThat(browser.present("#recover")).isFalse();
        assertThat(browser.driver.findElements(By.xpath("//button[starts-with(normalize-space(), 'Redeliver')]"))).isEmpty();
        browser.go("#/inbox", "inbox");
        assertThat(browser.present("button[data-inbox-id]")).isFalse();

        // forced from the page itself, with the session's cookie and CSRF token: the bundle says no
        long before = runs();
        Object answer = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/admin/reconciliation/run', {method: 'POST', headers: {'X-CSRF-Token': Console.session.csrf_token}})"
                + ".then(r => r.text().then(t => done(r.status + ' ' + t)))");
        assertThat((String) answer).startsWith("403 ").contains("\"code\":\"read_only\"");
        assertThat(runs()).isEqualTo(before);
        assertThat(deadLetter(id).get("status").asText()).isEqualTo("open");
    }

    @Test
    void anEndedSessionGoesBackToSignInWithAMessage() throws Exception {
        browser.signIn(Bundle.ADMIN_KEY);
        // the session ends on the server (as after its idle timeout, or a sign-out in another tab)
        String cookie = "offramp_console=" + browser.driver.manage().getCookieNamed("offramp_console").getValue();
        String csrf = (String) browser.driver.executeScript("return Console.session.csrf_token");
        HttpResponse<String> out = bundle.raw("DELETE", "/console/session", null, Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertThat(out.statusCode()).isEqualTo(200);

        browser.driver.findElement(By.cssSelector("#nav a[data-page='orders']")).click();

        assertThat(browser.find("#sign-in-message").getText()).startsWith("Your session has ended").contains("sign in again");
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        browser.screenshot("session-ended");

        browser.signIn(Bundle.ADMIN_KEY);
        browser.find("#sign-out").click();
        assertThat(browser.find("#sign-in-message").getText()).isEqualTo("Signed out.");
        assertThat(browser.driver.manage().getCookieNamed("offramp_console")).as("the browser dropped the cookie").isNull();
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    long runs() throws Exception {
        return ((Number) bundle.query("SELECT COUNT(*) AS n FROM reconciliation_runs").get(0).get("n")).longValue();
    }

    JsonNode deadLetter(String id) throws Exception {
        return JSON.readTree(bundle.get("/admin/dead-letters/" + id, Bundle.ADMIN_KEY).body());
    }

    /** An open dead letter for display only (the viewer never replays it). */
    String anOpenDeadLetter() throws Exception {
        bundle.execute("INSERT INTO dead_letters (kind, provider, order_id, request_method, request_path, request_body, reason) "
                + "VALUES ('upstream_call', 'unigox', ?, 'POST', '/orders/up-x/confirm-fiat-received', NULL, 'unigox answered HTTP 503')",
                waiting.get(1));
        return bundle.query("SELECT MAX(id) AS id FROM dead_letters").get(0).get("id").toString();
    }

    /**
     * A real one, as DeadLettersContract makes it: an authorize-crypto-transfer that Unigox refuses with 503 on
     * every attempt; the faults are used up, so the replay goes through.
     */
    String aDeadLetterUnigoxWillAcceptOnReplay() throws Exception {
        UnigoxPlaybook unigox = new UnigoxPlaybook(bundle);
        JsonNode created = unigox.order(unigox.quote(unigox.onboardedUser(), "30"));
        String orderId = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        unigox.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "awaiting_crypto_transfer_authorization".equals(bundle.orderRow(orderId).get("provider_status")));
        unigox.sim("POST", "/_sandbox/faults", "{\"path\":\"/orders/" + unigoxId + "/authorize-crypto-transfer\",\"status\":503,\"count\":4}");
        HttpResponse<String> failed = bundle.post("/api/v1/orders/" + orderId + "/authorize-crypto-transfer", Bundle.AUTHORIZATION);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        return bundle.query("SELECT id FROM dead_letters WHERE order_id = ?", orderId).get(0).get("id").toString();
    }
}
