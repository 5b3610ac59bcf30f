package io.github.faceid4j.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays the customer's browser without a browser: GETs pages, submits their forms as a browser without JavaScript
 * would, and reports redirects instead of following them, so tests see every step.
 */
final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FORM = Pattern.compile("<form method=\"(get|post)\" action=\"([^\"]+)\">");

    record Page(URI uri, int status, String location, String contentType, String body) {
        /** The forms on the page, in order: method and absolute action. */
        List<Form> forms() {
            List<Form> forms = new ArrayList<>();
            Matcher m = FORM.matcher(body);
            while (m.find()) {
                forms.add(new Form(m.group(1), uri.resolve(m.group(2).replace("&amp;", "&"))));
            }
            return forms;
        }

        Form form() {
            List<Form> forms = forms();
            if (forms.size() != 1) {
                throw new AssertionError("expected one form on " + uri + ", found " + forms.size() + ":\n" + body);
            }
            return forms.get(0);
        }
    }

    record Form(String method, URI action) {
    }

    Page get(URI uri) throws IOException, InterruptedException {
        return page(uri, HttpRequest.newBuilder(uri).GET());
    }

    /** Follows a 303 as a browser would: GET the Location, resolved against the page's address. */
    Page follow(Page redirect) throws IOException, InterruptedException {
        if (redirect.status() != 303 || redirect.location() == null) {
            throw new AssertionError("not a redirect: HTTP " + redirect.status() + "\n" + redirect.body());
        }
        return get(redirect.uri().resolve(redirect.location()));
    }

    Page submit(Form form, Map<String, String> fields) throws IOException, InterruptedException {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (form.method().equals("get")) {
            return get(URI.create(form.action() + (encoded.isEmpty() ? "" : "?" + encoded)));
        }
        return post(form.action(), encoded);
    }

    Page post(URI uri, String urlencoded) throws IOException, InterruptedException {
        return page(uri, HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlencoded)));
    }

    private static Page page(URI uri, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(uri, r.statusCode(), r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Content-Type").orElse(null), r.body());
    }
}
