package io.github.faceid4j.model.start;

import java.net.URI;

/**
 * The answer of {@code ApplyWebVerificationBizTokenIntl}: keep {@link #bizToken()} with the customer's session,
 * send the customer's browser to {@link #verificationUrl()}. The BizToken must be used within 10 minutes; its
 * result can then be fetched for 3 days.
 *
 * @param bizToken        identifies this verification (JSON {@code BizToken})
 * @param verificationUrl the hosted pages for the customer (JSON {@code VerificationURL})
 * @param requestId       the service's request ID (JSON {@code RequestId})
 */
public record StartedVerification(String bizToken, String verificationUrl, String requestId) {

    /**
     * {@link #verificationUrl()} as a URI.
     *
     * @return the verification URL as a URI
     */
    public URI verificationUri() {
        return URI.create(verificationUrl);
    }

    /** The BizToken by its first characters; the URL without its path and query, which carry the token. */
    @Override
    public String toString() {
        return "StartedVerification[bizToken=" + maskToken(bizToken) + ", verificationUrl=" + maskUrl(verificationUrl)
                + ", requestId=" + requestId + ']';
    }

    /** The library's one BizToken rule: the first four characters and an ellipsis, {@code ***} when shorter. */
    static String maskToken(String token) {
        if (token == null) {
            return null;
        }
        return token.length() <= 4 ? "***" : token.substring(0, 4) + "...";
    }

    private static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                return uri.getScheme() + "://" + uri.getRawAuthority() + "/...";
            }
        } catch (IllegalArgumentException e) {
            // not a URL: mask it all
        }
        return "***";
    }
}
