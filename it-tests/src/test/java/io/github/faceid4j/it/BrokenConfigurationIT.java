package io.github.faceid4j.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The same portal with an unsupported region in its microprofile-config.properties must not come up, and the
 * failure must name the key. Deployed by hand ({@code managed = false}) so the failure can be inspected.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenConfigurationIT {

    private static final String KEY = "tencentcloud.faceid.region";

    @Deployment(name = "broken", managed = false, testable = false)
    static WebArchive broken() {
        return Portal.warWithConfig("broken-portal.war", """
                tencentcloud.faceid.region=ap-nowhere
                tencentcloud.faceid.endpoint=http://127.0.0.1:9
                tencentcloud.faceid.jakarta.region=ap-jakarta
                """);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void unsupportedRegionFailsTheDeploymentNamingTheKey() {
        Throwable failure;
        String console;
        Integer brokenPortalStatus = null;
        try (ConsoleCapture capture = new ConsoleCapture()) {
            try {
                failure = catchThrowable(() -> deployer.deploy("broken"));
                console = capture.text();
                if (failure == null) {
                    brokenPortalStatus = statusOfBrokenPortal(console);
                }
            } finally {
                // WildFly has rolled a failed deployment back already; Payara Micro's process must be stopped
                deployer.undeploy("broken");
            }
        }

        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            assertThat(failure).as("WildFly refuses the deployment").isNotNull();
        }
        if (failure != null) {
            // WildFly: the management operation fails, its description carries the CDI DeploymentException
            assertThat(messages(failure)).contains("Cannot deploy broken-portal.war")
                    .contains("DeploymentException: " + KEY + ": 'ap-nowhere' is not supported");
            return;
        }
        // Payara Micro's adapter reports a process that booted as deployed, even with nothing in "Deployed": [],
        // so the failure can only be read from the server's console, which the adapter echoes into this JVM.
        assertThat(System.getProperty("arquillian.launch")).as("only Payara Micro's adapter swallows the failure")
                .isEqualTo("payara");
        assertThat(console).contains("Exception while loading the app")
                .containsPattern("CDI deployment failure:.*" + Pattern.quote(KEY) + ": 'ap-nowhere' is not supported");
        assertThat(brokenPortalStatus).as("the broken portal is not served").isEqualTo(404);
    }

    /** Asks the Payara Micro instance that came up (its port is in the console) for the broken portal. */
    private static int statusOfBrokenPortal(String console) {
        Matcher port = Pattern.compile("\"Http Port\\(s\\)\": \"(\\d+)").matcher(console);
        assertThat(port.find()).as("HTTP port in the console").isTrue();
        return Portal.get(URI.create("http://127.0.0.1:" + port.group(1) + "/broken-portal/"),
                "api/onboarding/return?token=passed-1").status();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
