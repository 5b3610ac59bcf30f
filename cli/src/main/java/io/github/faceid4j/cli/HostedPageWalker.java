package io.github.faceid4j.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the customer on the embedded emulator's hosted pages for {@code faceid demo}, as a browser without
 * JavaScript would: opens the VerificationURL, submits each page's form, and stops at the redirect back to the
 * portal. Loopback only: it follows nothing but the emulator's own pages.
 */
final class HostedPageWalker {

    private static final Pattern FORM = Pattern.compile("<form method=\"(get|post)\" action=\"([^\"]+)\">");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Walks from {@code verificationUrl} to the redirect back, choosing {@code outcome} on the customer's page.
     *
     * @param step told each page's address (path only) and HTTP status
     * @return where the last page sends the browser: {@code RedirectURL?token=...}
     */
    URI walk(URI verificationUrl, String outcome, Consumer<String> step) throws IOException, InterruptedException {
        URI at = verificationUrl;
        String method = "GET";
        String form = null;
        for (int pages = 0; pages < 10; pages++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(10));
            if (method.equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
            }
            HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            step.accept(method + " " + at.getRawPath() + " -> HTTP " + page.statusCode());
            if (page.statusCode() == 303) {
                URI next = at.resolve(page.headers().firstValue("Location").orElseThrow());
                if (!next.getHost().equals(verificationUrl.getHost()) || next.getPort() != verificationUrl.getPort()) {
                    return next; // leaving the hosted pages: back to the portal
                }
                at = next;
                method = "GET";
                continue;
            }
            if (page.statusCode() != 200) {
                throw new IOException("the hosted page " + at.getRawPath() + " answered HTTP " + page.statusCode());
            }
            Matcher m = FORM.matcher(page.body());
            if (!m.find()) {
                throw new IOException("the hosted page " + at.getRawPath() + " has no form");
            }
            at = at.resolve(m.group(2));
            method = m.group(1).toUpperCase(java.util.Locale.ROOT);
            form = page.body().contains("name=\"outcome\"") ? "outcome=" + outcome : "";
        }
        throw new IOException("the hosted pages did not lead back to the portal");
    }
}
