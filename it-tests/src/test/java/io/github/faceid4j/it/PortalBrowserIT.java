package io.github.faceid4j.it;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.FlowOutcome;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.emulator.SyntheticPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The onboarding portal's whole web flow as a customer lives it, in a real headless Chromium: the portal's pages in
 * the server under test (WildFly or Payara Micro), the customer's steps on the emulator's hosted pages (HTTPS),
 * and back. Each browser is one customer with its own HTTP session. Every test saves a screenshot of its final page
 * under {@code target/screenshots/<server>/}.
 */
@ExtendWith({Browser.Available.class, ArquillianExtension.class})
@RunAsClient
class PortalBrowserIT {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(Portal.emulator());

    private static final Pattern VERIFY_PAGE = Pattern.compile("/verify/([^/?]+)");

    @Deployment(testable = false)
    static WebArchive portal() {
        return Portal.war();
    }

    @ArquillianResource
    URL deployment;

    private String portal;
    private FaceIdEmulator emulator;
    private String testName;

    @BeforeEach
    void setUp(TestInfo test) {
        URI base = Portal.base(deployment);
        portal = base.resolve("api/portal").toString();
        emulator = EMULATOR.get();
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void aCustomerWhoPassesSeesTheResultWithMaskedCardFieldsAndTheirPicture() {
        try (Browser customer = Browser.open()) {
            String token = startVerification(customer);
            customerDoes(customer, "passed");
            customer.clickAndExpect(By.tagName("button"), "Identity verified"); // the emulator's "Next"

            assertThat(customer.url()).startsWith(portal + "/return?token=");
            assertThat(customer.text("outcome")).isEqualTo("Success: the person is the same as in the photo");
            assertThat(customer.text("attempts")).isEqualTo("1");
            assertThat(customer.text("card-name")).isEqualTo("T*** P***** A****");
            assertThat(customer.text("card-number")).isEqualTo("**********0001");
            assertThat(customer.imageLoaded("best-frame")).as("the best frame, served from the session").isTrue();
            assertNoPersonalData(customer.source());

            // the portal fetched the result once, correctly signed, and its Apply named its return page
            assertThat(resultCalls(token)).hasSize(1).allMatch(RecordedRequest::signatureValid);
            assertThat(applies()).hasSize(1).allMatch(RecordedRequest::signatureValid);

            // a reload brings the same token again: accepted once only, the result stays reachable from the session
            customer.driver.navigate().refresh();
            customer.waitForTitle("This link cannot be used");
            assertThat(customer.text("refused")).contains("already used");
            customer.clickAndExpect(By.id("check-again"), "Identity verified");
            assertThat(customer.text("outcome")).isEqualTo("Success: the person is the same as in the photo");
            customer.screenshot(testName);
        }
    }

    @Test
    void aCustomerWhoseLivenessFailedIsToldSoAndMayStartAgain() {
        try (Browser customer = Browser.open()) {
            startVerification(customer);
            customer.clickAndExpect(By.tagName("button"), "The customer's turn");
            customer.find(By.cssSelector("input[value=liveness-failed]")).click();
            new Select(customer.find(By.name("code"))).selectByValue("1005");
            customer.clickAndExpect(By.cssSelector("button[type=submit]"), "Verification not passed");
            customer.clickAndExpect(By.tagName("button"), "Identity not verified");

            assertThat(customer.text("outcome")).isEqualTo("Liveness failed");
            assertThat(customer.text("attempts")).isEqualTo("1");
            assertThat(customer.find(By.id("start-again")).isDisplayed()).isTrue();
            assertNoPersonalData(customer.source());
            customer.screenshot(testName);
        }
    }

    @Test
    void aCustomerWhoNeverComesBackIsReconciledOnTheServerSide() {
        String customerNumber;
        String token;
        try (Browser customer = Browser.open()) {
            customerNumber = openPortal(customer);
            token = startVerificationFromPortal(customer);
            customerDoes(customer, "passed");
            // ... and closes the browser on the emulator's result page, never pressing "Next"
        }
        assertThat(resultCalls(token)).as("nobody asked for the result yet").isEmpty();

        try (Browser operator = Browser.open()) {
            operator.go(portal + "/verifications");
            operator.waitForTitle("Started verifications");
            String row = operator.find(By.cssSelector("tr[data-customer='" + customerNumber + "']")).getText();
            assertThat(row).contains(customerNumber, token.substring(0, 4) + "...")
                    .contains("passed: Success: the person is the same as in the photo")
                    .doesNotContain(token);
            assertThat(operator.source()).doesNotContain(token);
            operator.screenshot(testName);
        }
        assertThat(resultCalls(token)).as("the portal asked on the server side").hasSize(1);
    }

    @Test
    void aBizTokenSwappedBetweenTwoSessionsIsRefused() {
        try (Browser alice = Browser.open(); Browser mallory = Browser.open()) {
            String alicesToken = startVerification(alice);
            customerDoes(alice, "passed");

            // Mallory starts her own verification, then presents Alice's passed token in her session
            String mallorysToken = startVerification(mallory);
            assertThat(mallorysToken).isNotEqualTo(alicesToken);
            mallory.go(portal + "/return?token=" + alicesToken);
            mallory.waitForTitle("This link cannot be used");
            assertThat(mallory.text("refused")).contains("does not belong to your verification");
            assertThat(mallory.source()).doesNotContain("Identity verified");
            assertThat(resultCalls(alicesToken)).as("no result fetched for a refused token").isEmpty();
            mallory.screenshot(testName);

            // the refusal used nothing up: Alice still comes back with her token
            alice.clickAndExpect(By.tagName("button"), "Identity verified");
            assertThat(resultCalls(alicesToken)).hasSize(1);
            alice.screenshot(testName + "-the-owner");
        }
    }

    @Test
    void aReturnAfterTheTokenExpiredLeadsToStartAgain() {
        try (Browser customer = Browser.open()) {
            String token = startVerification(customer);
            customerDoes(customer, "passed");
            // the customer leaves the result page open for four days: the service keeps a result for three
            EMULATOR.advanceClock(Duration.ofDays(4));
            customer.clickAndExpect(By.tagName("button"), "Verification expired");

            assertThat(customer.text("expired")).contains("Please start again");
            customer.screenshot(testName);

            customer.clickAndExpect(By.id("start-again"), "Identity verification");
            assertThat(tokenOf(customer)).as("a new verification").isNotEqualTo(token);
        }
    }

    @Test
    void aCustomerBackBeforeFinishingIsToldToCheckAgain() {
        try (Browser customer = Browser.open()) {
            String token = startVerification(customer);
            // back at the return page (the browser's back button, a bookmark) before doing anything
            customer.go(portal + "/return?token=" + token);
            customer.waitForTitle("Not finished yet");

            emulator.complete(token, FlowOutcome.PASSED); // finished meanwhile (another tab, say)
            customer.clickAndExpect(By.id("check-again"), "Identity verified");
            customer.screenshot(testName);
        }
    }

    @Test
    void anUnavailableServiceIsAPageTheCustomerUnderstands() {
        emulator.scriptApply(Scenario.internalError(), Scenario.internalError(), Scenario.internalError());
        try (Browser customer = Browser.open()) {
            openPortal(customer);
            customer.clickAndExpect(By.id("verify"), "Verification unavailable");
            assertThat(customer.text("unavailable")).contains("not available right now");
            customer.screenshot(testName);

            // once the service answers again, "Start again" works
            customer.clickAndExpect(By.id("start-again"), "Identity verification");
        }
    }

    // ------------------------------------------------------------------------------------------ steps

    /** The portal's welcome page; answers the customer number it shows. */
    private String openPortal(Browser customer) {
        customer.go(portal);
        customer.waitForTitle("Welcome");
        return customer.text("customer");
    }

    /** Welcome page → "Verify my identity" → the emulator's start page; answers the BizToken in its address. */
    private String startVerification(Browser customer) {
        openPortal(customer);
        return startVerificationFromPortal(customer);
    }

    private String startVerificationFromPortal(Browser customer) {
        customer.clickAndExpect(By.id("verify"), "Identity verification");
        assertThat(customer.url()).as("the emulator's hosted page, over HTTPS")
                .startsWith(emulator.endpoint().toString() + "/verify/");
        return tokenOf(customer);
    }

    private static String tokenOf(Browser customer) {
        Matcher m = VERIFY_PAGE.matcher(customer.url());
        assertThat(m.find()).as(customer.url()).isTrue();
        return m.group(1);
    }

    /** Start page → the tester's choice (the default "passes" or another radio) → the emulator's result page. */
    private static void customerDoes(Browser customer, String outcome) {
        customer.clickAndExpect(By.tagName("button"), "The customer's turn");
        customer.find(By.cssSelector("input[value=" + outcome + "]")).click();
        customer.clickAndExpect(By.cssSelector("button[type=submit]"), "Verification passed");
    }

    private List<RecordedRequest> resultCalls(String token) {
        return emulator.requestsFor(token).stream()
                .filter(r -> "GetWebVerificationResultIntl".equals(r.header("X-TC-Action")))
                .toList();
    }

    private List<RecordedRequest> applies() {
        return emulator.requests().stream()
                .filter(r -> "ApplyWebVerificationBizTokenIntl".equals(r.header("X-TC-Action")))
                .toList();
    }

    private static void assertNoPersonalData(String page) {
        assertThat(page).doesNotContain(SyntheticPerson.NAME, SyntheticPerson.FIRST_NAME, SyntheticPerson.ID_NUMBER,
                SyntheticPerson.ADDRESS, SyntheticPerson.BIRTHDAY);
    }
}
