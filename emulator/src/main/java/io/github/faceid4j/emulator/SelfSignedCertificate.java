package io.github.faceid4j.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate made on the spot for an HTTPS emulator: a new EC key pair, self-signed, valid for two days, for the
 * names given (e.g. {@code ip:127.0.0.1}, {@code dns:localhost}). Made by the JDK's own {@code keytool}, so no
 * certificate is checked in and no extra library is needed.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir, "ip:127.0.0.1", "dns:localhost");
 * try (FaceIdEmulator emulator = FaceIdEmulator.builder().tls(cert.serverContext()).build().start()) {
 *     // a client trusting cert.trustStore() (PKCS12, cert.password()) talks to emulator.endpoint(): https://127.0.0.1:port
 * }
 * }</pre>
 */
public final class SelfSignedCertificate {

    /** The type of both stores. */
    public static final String STORE_TYPE = "PKCS12";

    private final Path keyStore;
    private final Path trustStore;
    private final char[] password;

    private SelfSignedCertificate(Path keyStore, Path trustStore, char[] password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /**
     * Makes a key store (key and certificate) and a trust store (the certificate only) in {@code directory}.
     *
     * @param directory               where the two store files are written
     * @param subjectAlternativeNames keytool's form: {@code ip:127.0.0.1}, {@code dns:localhost}; at least one
     * @return the certificate, its stores and their password
     */
    public static SelfSignedCertificate create(Path directory, String... subjectAlternativeNames) {
        Objects.requireNonNull(directory, "directory");
        if (subjectAlternativeNames.length == 0) {
            throw new IllegalArgumentException("at least one subject alternative name is needed");
        }
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[4];
        byte[] secret = new byte[12];
        random.nextBytes(id);
        random.nextBytes(secret); // apart from the file names, which messages may show
        String name = "emulator-" + HexFormat.of().formatHex(id);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Path keyStore = directory.resolve(name + "-key.p12");
        Path trustStore = directory.resolve(name + "-trust.p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "emulator", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=FaceID emulator " + subjectAlternativeNames[0],
                "-ext", "SAN=" + String.join(",", subjectAlternativeNames), "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", STORE_TYPE, "-storepass:env", "EMULATOR_STORE_PASS"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("EMULATOR_STORE_PASS", new String(password)); // not on a command line
            Process keytool = builder.start();
            String output;
            try (InputStream in = keytool.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IllegalStateException("keytool could not make a certificate: " + output.strip());
            }
            KeyStore keys = load(keyStore, password);
            Certificate certificate = keys.getCertificate("emulator");
            KeyStore trust = KeyStore.getInstance(STORE_TYPE);
            trust.load(null, null);
            trust.setCertificateEntry("emulator", certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a self-signed certificate in " + directory + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a certificate", e);
        }
        return new SelfSignedCertificate(keyStore, trustStore, password);
    }

    /** {@return the PKCS12 file with the key and the certificate (for the server)} */
    public Path keyStore() {
        return keyStore;
    }

    /** {@return the PKCS12 file with the certificate only (for clients that are to trust it)} */
    public Path trustStore() {
        return trustStore;
    }

    /** {@return the password of both stores (random, made for this certificate); a copy} */
    public char[] password() {
        return password.clone();
    }

    /**
     * {@return a server-side context presenting this certificate: for {@link FaceIdEmulator.Builder#tls(SSLContext)}}
     */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the key store " + keyStore + ": " + e, e);
        }
    }

    /** {@return a client-side context trusting this certificate only} */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the trust store " + trustStore + ": " + e, e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + keyStore.getFileName() + "]"; // never the password
    }
}
