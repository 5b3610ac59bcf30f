package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.model.MediaInput;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ApplyWebVerificationBizTokenIntl} is asked: where the customer's browser returns to, the photo to
 * compare the face with, a pass-through text, a business-process id and the pages' {@link WebVerificationConfig}.
 * Immutable; made by {@link #builder(String)}, which checks every documented rule before anything can be sent.
 */
public final class WebVerificationRequest {

    /** Most characters of {@code Extra}. */
    public static final int MAX_EXTRA_CHARACTERS = 1_000;
    /**
     * Most characters of {@code CompareImageBase64}: the documents limit the base64 text to 8 MB, read here as 8 MiB
     * (a larger limit than 8,000,000, so an image the service takes is never refused here).
     */
    public static final long MAX_COMPARE_IMAGE_BASE64 = 8L * 1024 * 1024;

    private final String redirectUrl;
    private final MediaInput compareImage;
    private final String extra;
    private final String ruleId;
    private final WebVerificationConfig config;

    private WebVerificationRequest(Builder b) {
        this.redirectUrl = b.redirectUrl;
        this.compareImage = b.compareImage;
        this.extra = b.extra;
        this.ruleId = b.ruleId;
        this.config = b.config;
    }

    /**
     * A builder for a request whose customer returns to {@code redirectUrl}.
     *
     * @param redirectUrl where the customer returns to
     * @return the builder
     * @throws InvalidRequestException naming {@code RedirectURL} when it is not an absolute https URL (http only to
     * a loopback address, for tests)
     */
    public static Builder builder(String redirectUrl) {
        return new Builder().redirectUrl(redirectUrl);
    }

    /**
     * JSON {@code RedirectURL}: the service sends the browser to {@code RedirectURL?token=<BizToken>}.
     *
     * @return the redirect URL
     */
    public String redirectUrl() {
        return redirectUrl;
    }

    /**
     * JSON {@code CompareImageBase64}: the photo the face is compared with.
     *
     * @return the photo, or empty
     */
    public Optional<MediaInput> compareImage() {
        return Optional.ofNullable(compareImage);
    }

    /**
     * JSON {@code Extra}: returned as given by {@code GetWebVerificationResultIntl}.
     *
     * @return the text, or empty
     */
    public Optional<String> extra() {
        return Optional.ofNullable(extra);
    }

    /**
     * JSON {@code RuleId}: a business process made in the console.
     *
     * @return the id, or empty
     */
    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }

    /**
     * JSON {@code Config}; {@link WebVerificationConfig#defaults()} when none was given.
     *
     * @return the configuration
     */
    public WebVerificationConfig config() {
        return config;
    }

    /** Redirect URL without its path, image by size, {@code Extra} masked: none can carry personal data out. */
    @Override
    public String toString() {
        URI uri = URI.create(redirectUrl);
        return "WebVerificationRequest[RedirectURL=" + uri.getScheme() + "://" + uri.getRawAuthority() + "/..."
                + ", CompareImageBase64=" + compareImage
                + ", Extra=" + (extra == null ? null : "***")
                + ", RuleId=" + ruleId
                + ", Config=" + config + ']';
    }

    /** Builds a {@link WebVerificationRequest}; each setter checks its rule and names the field when it fails. */
    public static final class Builder {
        private String redirectUrl;
        private MediaInput compareImage;
        private String extra;
        private String ruleId;
        private WebVerificationConfig config = WebVerificationConfig.defaults();

        private Builder() {
        }

        /**
         * Absolute https URL (http only to a loopback address), with no query or fragment.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder redirectUrl(String url) {
            this.redirectUrl = checkRedirectUrl(url);
            return this;
        }

        /**
         * The photo to compare the face with: its base64 text may be at most 8 MiB ({@link
         * #MAX_COMPARE_IMAGE_BASE64}, about 6 MiB of image), and text given as {@link MediaInput#ofBase64} must be
         * valid base64 without a {@code data:} header. A file's size is read now and again when sent.
         *
         * @param image the photo, or null for none
         * @return this builder
         */
        public Builder compareImage(MediaInput image) {
            if (image != null) {
                String field = "CompareImageBase64";
                long length;
                try {
                    length = image.base64Length();
                } catch (UncheckedIOException e) {
                    throw new InvalidRequestException(field, "the image cannot be read (" + e.getCause() + ")");
                }
                if (length == 0) {
                    throw new InvalidRequestException(field, "the image is empty");
                }
                if (length > MAX_COMPARE_IMAGE_BASE64) {
                    throw new InvalidRequestException(field, "the image's base64 text would be " + length
                            + " characters; the service takes at most 8 MB (" + MAX_COMPARE_IMAGE_BASE64
                            + "), an image of about " + MAX_COMPARE_IMAGE_BASE64 / 4 * 3 / (1024 * 1024) + " MiB");
                }
                if (!image.isValidBase64()) {
                    throw new InvalidRequestException(field, "is not valid base64 (standard alphabet, padded, no line"
                            + " breaks, no data: URI header)");
                }
            }
            this.compareImage = image;
            return this;
        }

        /**
         * At most 1,000 characters; returned with the result (a correlation id, typically).
         *
         * @param extra the text, or null for none
         * @return this builder
         */
        public Builder extra(String extra) {
            if (extra != null && extra.codePointCount(0, extra.length()) > MAX_EXTRA_CHARACTERS) {
                throw new InvalidRequestException("Extra", "must be at most " + MAX_EXTRA_CHARACTERS
                        + " characters, not " + extra.codePointCount(0, extra.length()));
            }
            this.extra = extra;
            return this;
        }

        /**
         * JSON {@code RuleId}: a business process made in the console.
         *
         * @param ruleId the id, or null for none
         * @return this builder
         */
        public Builder ruleId(String ruleId) {
            if (ruleId != null && ruleId.isBlank()) {
                throw new InvalidRequestException("RuleId", "must not be blank; leave it out instead");
            }
            this.ruleId = ruleId;
            return this;
        }

        /**
         * JSON {@code Config}.
         *
         * @param config the configuration, or null for the defaults
         * @return this builder
         */
        public Builder config(WebVerificationConfig config) {
            this.config = config == null ? WebVerificationConfig.defaults() : config;
            return this;
        }

        /**
         * @return the request
         * @throws InvalidRequestException naming the first field that is wrong
         */
        public WebVerificationRequest build() {
            return new WebVerificationRequest(this);
        }
    }

    /**
     * The documents: "the web callback URL ... including the protocol, hostname, and path"; the service appends
     * {@code ?token=<BizToken>}. So: absolute, https (the BizToken travels in it), a host, no query or fragment
     * that the appended token would break, no user info. Plain http is allowed to a loopback address only, where
     * a portal under test runs.
     */
    static String checkRedirectUrl(String url) {
        String field = "RedirectURL";
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, "is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw new InvalidRequestException(field, "must be an absolute URL with a host, such as"
                    + " https://portal.example.com/verified");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new InvalidRequestException(field, "must use https (the BizToken travels in it); http is"
                        + " allowed only to a loopback address such as 127.0.0.1");
            }
        } else if (!scheme.equals("https")) {
            throw new InvalidRequestException(field, "must use https, not " + scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(field, "must not carry user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidRequestException(field, "must have no query or fragment: the service appends"
                    + " ?token=<BizToken> to it");
        }
        return url;
    }

    /**
     * The rule impl's {@code Endpoints.isLoopback} follows for an endpoint, copied: impl depends on this module, not
     * the other way, and a shared public helper here would be API that is not meant as API. impl's
     * {@code EndpointSecurityTest} keeps the two in agreement.
     */
    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would block, and DNS could point it anywhere.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebVerificationRequest r && redirectUrl.equals(r.redirectUrl)
                && Objects.equals(compareImage, r.compareImage) && Objects.equals(extra, r.extra)
                && Objects.equals(ruleId, r.ruleId) && config.equals(r.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(redirectUrl, compareImage, extra, ruleId, config);
    }
}
