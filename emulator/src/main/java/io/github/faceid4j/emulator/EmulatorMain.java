package io.github.faceid4j.emulator;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;

/**
 * {@code java -jar faceid4j-emulator.jar [--port N] [--secret-id ID] [--secret-key KEY] [--session-token T]
 * [--rate-limit N]}: runs the emulator on 127.0.0.1 until Ctrl-C.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /**
     * Runs the emulator until interrupted.
     *
     * @param args {@code --port N}, or nothing for a free port
     */
    public static void main(String[] args) {
        FaceIdEmulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(usage());
            return;
        }
        FaceIdEmulator emulator = builder.build().start();
        printBanner(emulator, System.out);
        emulator.runUntilInterrupted();
    }

    /** The configured builder, or null when help was asked for. */
    static FaceIdEmulator.Builder parse(String... args) {
        FaceIdEmulator.Builder b = FaceIdEmulator.builder();
        String id = null;
        String key = null;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> b.port(intValue(arg, it));
                case "--rate-limit" -> b.rateLimitPerSecond(intValue(arg, it));
                case "--secret-id" -> id = value(arg, it);
                case "--secret-key" -> key = value(arg, it);
                case "--session-token" -> b.sessionToken(value(arg, it));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (id != null || key != null) {
            b.credentials(id != null ? id : FaceIdEmulator.DEFAULT_SECRET_ID,
                    key != null ? key : FaceIdEmulator.DEFAULT_SECRET_KEY);
        }
        return b;
    }

    /**
     * What the command prints at start-up; reusable by other front ends. The secret key is shown only if public.
     *
     * @param emulator the running emulator
     * @param out where to print
     */
    public static void printBanner(FaceIdEmulator emulator, PrintStream out) {
        out.println("FaceID emulator (ApplyWebVerificationBizTokenIntl, GetWebVerificationResultIntl) listening on "
                + emulator.endpoint());
        out.println("  port:      " + emulator.port());
        out.println("  SecretId:  " + emulator.secretId());
        if (FaceIdEmulator.DEFAULT_SECRET_KEY.equals(emulator.secretKey())) {
            out.println("  SecretKey: the built-in synthetic key \"" + FaceIdEmulator.DEFAULT_SECRET_KEY
                    + "\" (public, not a real credential)");
        } else {
            out.println("  SecretKey: as given (not printed)");
        }
        emulator.sessionToken().ifPresent(t -> out.println("  X-TC-Token required (as given, not printed)"));
        out.println("  regions:   " + String.join(", ", FaceIdEmulator.DEFAULT_REGIONS.stream().sorted().toList())
                + "; version 2018-03-01; " + emulator.rateLimitPerSecond() + " requests/s per action");
        out.println("  web flow:  Apply's VerificationURL serves plain-HTML pages at " + emulator.endpoint()
                + "/verify/<BizToken>; automate with POST " + emulator.endpoint() + "/emulator/complete"
                + " (form: token, outcome=passed|liveness-failed|compare-failed|abandoned|timed-out[, code])");
        out.println("  BizToken prefixes: passed, failed, unfinished, expired, illegal, ratelimited, internal,"
                + " slow, malformed (anything else: BizTokenIllegal)");
        out.println("Press Ctrl-C to stop.");
    }

    static String usage() {
        return "usage: faceid-emulator [--port N (0 = any free)] [--secret-id ID] [--secret-key KEY]"
                + " [--session-token TOKEN] [--rate-limit N]";
    }

    private static String value(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int intValue(String option, Iterator<String> it) {
        String v = value(option, it);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + v);
        }
    }
}
