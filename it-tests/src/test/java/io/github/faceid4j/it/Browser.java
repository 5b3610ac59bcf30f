package io.github.faceid4j.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven through Selenium, with a
 * fresh profile of its own: each instance is a separate customer with its own cookies, so its own HTTP session.
 *
 * <p>The emulator serves HTTPS with a self-signed certificate made by this test run. The browser is told to accept
 * exactly that certificate: {@code --ignore-certificate-errors-spki-list} with the SHA-256 of its public key
 * (Chromium honours the switch only with {@code --user-data-dir}, which every instance has). Any other certificate
 * error stays an error; {@code --ignore-certificate-errors} would have accepted every certificate.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("faceid.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("faceid.chromedriver", "/usr/bin/chromedriver"));

    private final Path profile;
    private final ChromeDriverService service;
    final WebDriver driver;

    private Browser(String trustedSpki) throws IOException {
        profile = Files.createTempDirectory("faceid-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=900,900",
                        "--user-data-dir=" + profile,
                        "--ignore-certificate-errors-spki-list=" + trustedSpki);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A new browser, a new customer, trusting the emulator's certificate of this run only. */
    static Browser open() {
        try {
            return new Browser(spkiSha256(Portal.certificate()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: the form Chromium's SPKI list takes. */
    private static String spkiSha256(io.github.faceid4j.emulator.SelfSignedCertificate certificate) {
        try (InputStream in = Files.newInputStream(certificate.trustStore())) {
            KeyStore store = KeyStore.getInstance(io.github.faceid4j.emulator.SelfSignedCertificate.STORE_TYPE);
            store.load(in, certificate.password());
            for (String alias : Collections.list(store.aliases())) {
                Certificate cert = store.getCertificate(alias);
                if (cert != null) {
                    byte[] spki = cert.getPublicKey().getEncoded(); // X.509 SubjectPublicKeyInfo, DER
                    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
                }
            }
            throw new IllegalStateException("No certificate in " + certificate.trustStore());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void go(String url) {
        driver.get(url);
    }

    String title() {
        return driver.getTitle();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks and waits until the page that follows has the expected title prefix. */
    void clickAndExpect(By by, String titlePrefix) {
        driver.findElement(by).click();
        waitForTitle(titlePrefix);
    }

    void waitForTitle(String titlePrefix) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .withMessage(() -> "a page titled '" + titlePrefix + "...', at " + driver.getCurrentUrl()
                        + " titled '" + driver.getTitle() + "'")
                .until(d -> d.getTitle() != null && d.getTitle().startsWith(titlePrefix));
    }

    /** Whether the image {@code id} loaded and decoded (a broken image has no natural width). */
    boolean imageLoaded(String id) {
        Object width = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var i = document.getElementById(arguments[0]); return i && i.complete ? i.naturalWidth : 0;", id);
        return width instanceof Number n && n.longValue() > 0;
    }

    /** Saves the current page under {@code target/screenshots/<server>/<name>.png}. */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots/"
                + System.getProperty("arquillian.launch", "unknown")));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.close();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary profile left behind under the build's tmpdir: harmless
        }
    }

    /**
     * Runs the browser tests only where Chromium and its driver are installed; anywhere else they are skipped with
     * a WARNING on the console, except under CI ({@code CI=true}) or with {@code FACEID_BROWSER_TESTS=required},
     * where a missing browser fails the class: CI must never skip them silently.
     */
    static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + ", driver at " + CHROMEDRIVER);
            }
            String missing = "no executable " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))
                    || "required".equalsIgnoreCase(System.getenv("FACEID_BROWSER_TESTS"))) {
                throw new IllegalStateException("The browser tests must run here (CI=true or FACEID_BROWSER_TESTS="
                        + "required) but there is " + missing);
            }
            String warning = "WARNING: browser tests SKIPPED: " + missing;
            System.err.println("\n**********\n" + warning + "\n**********\n");
            System.out.println(warning);
            return ConditionEvaluationResult.disabled(warning);
        }
    }
}
