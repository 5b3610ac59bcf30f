package io.github.faceid4j.cli;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.CredentialsUnavailableException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.RateLimitExceededException;
import io.github.faceid4j.model.Media;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a command threw into one clear line on stderr, a hint, and an exit code. Stack traces only with
 * {@code --verbose}. Exception messages of this library never carry secrets or personal data.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        return report(e, commandLine.getErr(), verbose(parseResult));
    }

    static int report(Throwable e, PrintWriter err, boolean verbose) {
        int code = exitCode(e);
        if (e instanceof FaceIdConfigurationException c) {
            err.println("error: " + describe(c));
            for (Throwable more : c.getSuppressed()) {
                if (more instanceof FaceIdConfigurationException m) {
                    err.println("error: " + describe(m));
                }
            }
        } else {
            String message = inCliTerms(message(e));
            err.println("error: " + message + (message.contains("HTTP request") ? "" : attempts(e)));
        }
        String hint = hint(e);
        if (hint != null) {
            err.println("hint: " + hint);
        }
        if (verbose) {
            e.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            err.println("hint: run again with --verbose for the stack trace, and please report it");
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof FaceIdConfigurationException || e instanceof InvalidBizTokenException
                || e instanceof InvalidRequestException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof FaceIdServiceException) {
            return ExitCodes.SERVICE_ERROR;
        }
        if (e instanceof FaceIdTransportException || e instanceof FaceIdDecodingException
                || e instanceof Media.MediaDecodingException) {
            return ExitCodes.NO_ANSWER;
        }
        if (e instanceof UncheckedIOException) {
            return ExitCodes.USAGE; // a local file could not be written (--out)
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Throwable e) {
        if (e instanceof FaceIdServiceException s) {
            return "the service answered " + s.errorCode() + ": " + oneLine(s.serviceMessage())
                    + " (RequestId " + (s.requestId() == null ? "-" : s.requestId()) + ")";
        }
        if (e instanceof FaceIdTimeoutException) {
            return "no answer in time: " + oneLine(e.getMessage());
        }
        if (e instanceof FaceIdTransportException) {
            return "no answer: " + oneLine(e.getMessage());
        }
        if (e instanceof FaceIdDecodingException) {
            return "the answer could not be read: " + oneLine(e.getMessage());
        }
        if (e instanceof InvalidBizTokenException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof InvalidRequestException r) {
            return ApplyCommand.option(r.field()) + " (" + r.field() + "): "
                    + oneLine(e.getMessage().substring(r.field().length() + 2)) + "; nothing was sent";
        }
        if (e instanceof Media.MediaDecodingException) {
            return "the answer's media could not be decoded: " + oneLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException) {
            return oneLine(e.getMessage());
        }
        return "unexpected failure: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }

    /**
     * {@code (after 3 HTTP requests)} when the library retried before giving up: "HTTP requests", never "attempts",
     * which the summary's customer tries could be confused with.
     */
    private static String attempts(Throwable e) {
        return e instanceof FaceIdException f && f.attempts() > 1 ? " (after " + f.attempts() + " HTTP requests)" : "";
    }

    private static final Pattern ISO_DURATION = Pattern.compile("\\bPT(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?\\b");
    private static final Pattern LIBRARY_ATTEMPTS = Pattern.compile("\\bafter (\\d+) attempt\\(s\\)");

    /**
     * A library message in the words of the command line: durations as the user writes them ({@code 2s}, not
     * {@code PT2S}), the builder's {@code callTimeout} as {@code --timeout}, attempts as HTTP requests.
     */
    static String inCliTerms(String message) {
        Matcher m = ISO_DURATION.matcher(message);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            if (!m.group().equals("PT")) {
                try {
                    replacement = DurationConverter.format(Duration.parse(m.group()));
                } catch (DateTimeParseException e) {
                    // not a duration after all: left as it is
                }
            }
            m.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(text);
        String result = LIBRARY_ATTEMPTS.matcher(text).replaceAll(r -> "after " + r.group(1)
                + (r.group(1).equals("1") ? " HTTP request" : " HTTP requests"));
        return result.replace("(callTimeout)", "(--timeout)");
    }

    /** {@code --region 'x' is not supported ...}: the builder's setting names translated to the CLI's. */
    private static String describe(FaceIdConfigurationException c) {
        String prefix = c.key() + ": ";
        String problem = c.getMessage().startsWith(prefix) ? c.getMessage().substring(prefix.length()) : c.getMessage();
        return cliName(c.key()) + " " + problem;
    }

    private static String cliName(String key) {
        return switch (key) {
            case "region" -> "--region";
            case "endpoint" -> "--endpoint";
            case "callTimeout" -> "--timeout";
            default -> key;
        };
    }

    private static String hint(Throwable e) {
        if (e instanceof FaceIdConfigurationException c) {
            return switch (c.key()) {
                case "region" -> "pass --region ap-singapore (or ap-jakarta, ap-bangkok, ap-hongkong, sa-saopaulo), or set " + ServiceFactory.REGION;
                case ServiceFactory.SECRET_ID, ServiceFactory.SECRET_KEY, ServiceFactory.PROFILE_FILE, CredentialsUnavailableException.KEY -> "export "
                        + ServiceFactory.SECRET_ID + " and " + ServiceFactory.SECRET_KEY + " (and "
                        + ServiceFactory.SESSION_TOKEN + " for temporary credentials), or put secret_id and secret_key"
                        + " under [default] in " + ServiceFactory.PROFILE_FILE + "; `"
                        + Invocation.command(System.getenv()) + " emulator` prints a"
                        + " synthetic pair for local testing";
                case "endpoint" -> "e.g. --endpoint https://faceid.intl.tencentcloudapi.com, or"
                        + " http://127.0.0.1:PORT for `" + Invocation.command(System.getenv()) + " emulator`";
                case "callTimeout" -> "--timeout takes a positive duration: 500ms, 2s, 1m or PT2S";
                case "--out" -> "--out takes a directory to save the media in";
                case "--port" -> "choose another --port, or 0 for any free port";
                default -> null;
            };
        }
        if (e instanceof InvalidBizTokenException) {
            return "pass the BizToken from ApplyWebVerificationBizTokenIntl (the ?token= of the redirect)";
        }
        if (e instanceof BizTokenExpiredException) {
            return "a BizToken is valid for 3 days; start a new verification for the customer";
        }
        if (e instanceof BizTokenIllegalException) {
            return "check the token, and that --region and the credentials are those of the account that issued it";
        }
        if (e instanceof AuthenticationException) {
            return "check " + ServiceFactory.SECRET_ID + "/" + ServiceFactory.SECRET_KEY
                    + " (and the session token) and that this machine's clock is right";
        }
        if (e instanceof io.github.faceid4j.UnauthorizedOperationException) {
            return "the account cannot use FaceID now (not activated, activating, or in arrears): see the Tencent Cloud"
                    + " console; trying again will not help until then";
        }
        if (e instanceof InvalidRequestException) {
            return "see `faceid apply --help`";
        }
        if (e instanceof RateLimitExceededException) {
            return "the action allows 20 requests per second per account; try again in a moment";
        }
        if (e instanceof FaceIdServiceException s) {
            return s.isTransient() ? "the service may recover; try again later, and quote the RequestId to Tencent support"
                    : "quote the RequestId to Tencent support if this persists";
        }
        if (e instanceof FaceIdTimeoutException) {
            return "the service or network is slow; try again, or allow more with --timeout";
        }
        if (e instanceof FaceIdTransportException) {
            return "check --endpoint and the network (proxy, firewall, DNS); try again";
        }
        if (e instanceof FaceIdDecodingException) {
            return "something other than the FaceID API answered, or the answer was cut off; check --endpoint";
        }
        return null;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
