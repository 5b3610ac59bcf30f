package io.github.faceid4j.sample.onboarding;

/**
 * The portal's pages: plain server-rendered HTML, no script. Every value that reaches a page goes through
 * {@link #escape(Object)}, whatever its origin (the service's text is untrusted too). The emulator's hosted pages
 * escape with their own copy on purpose: the emulator shares no code with the applications it is tested against.
 */
final class Html {

    private Html() {
    }

    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + escape(title) + " - Onboarding portal</title>"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}"
                + "dt{font-weight:bold}img{max-width:12em;border:1px solid #888}</style></head>\n"
                + "<body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    /** A button that POSTs to {@code action} (an already-safe path of the portal). */
    static String button(String id, String action, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\"><button id=\"" + escape(id)
                + "\" type=\"submit\">" + escape(label) + "</button></form>";
    }

    /** A link (GET) to an already-safe path of the portal. */
    static String link(String id, String href, String label) {
        return "<p><a id=\"" + escape(id) + "\" href=\"" + escape(href) + "\">" + escape(label) + "</a></p>";
    }
}
