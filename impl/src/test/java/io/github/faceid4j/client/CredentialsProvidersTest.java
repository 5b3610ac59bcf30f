package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.FaceIdConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where credentials come from, in which order, and that no message or toString shows one. */
class CredentialsProvidersTest {

    private static final String ENV_ID = "AKIDENV000000000000000000000000000001";
    private static final String ENV_KEY = "env-secret-key-9f8e7d";
    private static final String FILE_ID = "AKIDFILE00000000000000000000000000001";
    private static final String FILE_KEY = "file-secret-key-1a2b3c";
    private static final String FILE_TOKEN = "file-session-token-4d5e6f";

    @TempDir
    Path home;

    private Path writeProfile(String text) throws Exception {
        Path file = CredentialsProviders.defaultProfileFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void environmentGivesThePairAndTheSessionToken() {
        Credentials c = CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_ID", ENV_ID,
                "TENCENTCLOUD_SECRET_KEY", ENV_KEY, "TENCENTCLOUD_SESSION_TOKEN", "env-token")).credentials();
        assertThat(c).isEqualTo(Credentials.of(ENV_ID, ENV_KEY, "env-token"));
        assertThat(CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_ID", " " + ENV_ID + " ",
                "TENCENTCLOUD_SECRET_KEY", ENV_KEY, "TENCENTCLOUD_SESSION_TOKEN", " ")).credentials())
                .isEqualTo(Credentials.of(ENV_ID, ENV_KEY));
    }

    @Test
    void environmentWithoutVariablesIsUnavailableAndHalfAPairIsAnError() {
        assertThatThrownBy(() -> CredentialsProviders.environment(Map.of()).credentials())
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("TENCENTCLOUD_SECRET_ID");
        assertThatThrownBy(() -> CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_ID", ENV_ID)).credentials())
                .isExactlyInstanceOf(FaceIdConfigurationException.class)
                .hasMessageStartingWith("TENCENTCLOUD_SECRET_KEY: is not set").hasMessageNotContaining(ENV_ID);
        assertThatThrownBy(() -> CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_KEY", ENV_KEY)).credentials())
                .isExactlyInstanceOf(FaceIdConfigurationException.class).hasMessageNotContaining(ENV_KEY);
    }

    @Test
    void profileFileReadsTheDefaultSectionLikeTheSdks() throws Exception {
        Path file = writeProfile("""
                # Tencent Cloud credentials
                [other]
                secret_id = AKIDOTHER
                secret_key = other-key

                [default]
                secret_id = %s
                secret_key = "%s"
                ; temporary credentials
                token = %s
                """.formatted(FILE_ID, FILE_KEY, FILE_TOKEN));
        assertThat(CredentialsProviders.profileFile(file).credentials())
                .isEqualTo(Credentials.of(FILE_ID, FILE_KEY, FILE_TOKEN));
        assertThat(CredentialsProviders.profileFile(file, "other").credentials())
                .isEqualTo(Credentials.of("AKIDOTHER", "other-key"));
    }

    @Test
    void profileFileMissingOrWithoutTheProfileIsUnavailableAndHalfAPairIsAnError() throws Exception {
        Path file = CredentialsProviders.defaultProfileFile(home);
        assertThatThrownBy(() -> CredentialsProviders.profileFile(file).credentials())
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining(file + " (not found)");
        writeProfile("[prod]\nsecret_id = x\nsecret_key = y\n");
        assertThatThrownBy(() -> CredentialsProviders.profileFile(file).credentials())
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("no [default] profile");
        writeProfile("[default]\nsecret_id = " + FILE_ID + "\n");
        assertThatThrownBy(() -> CredentialsProviders.profileFile(file).credentials())
                .isExactlyInstanceOf(FaceIdConfigurationException.class)
                .hasMessageContaining("secret_id but no secret_key").hasMessageNotContaining(FILE_ID);
    }

    @Test
    void profileFileIsReadAgainWhenItChanges() throws Exception {
        Path file = writeProfile("[default]\nsecret_id = " + FILE_ID + "\nsecret_key = " + FILE_KEY + "\n");
        CredentialsProvider provider = CredentialsProviders.profileFile(file);
        assertThat(provider.credentials().secretKey()).isEqualTo(FILE_KEY);
        Files.writeString(file, "[default]\nsecret_id = " + FILE_ID + "\nsecret_key = rotated-key-000\ntoken = t2\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(provider.credentials()).isEqualTo(Credentials.of(FILE_ID, "rotated-key-000", "t2"));
    }

    @Test
    void defaultChainTakesTheEnvironmentBeforeTheProfileFile() throws Exception {
        writeProfile("[default]\nsecret_id = " + FILE_ID + "\nsecret_key = " + FILE_KEY + "\n");
        Map<String, String> env = Map.of("TENCENTCLOUD_SECRET_ID", ENV_ID, "TENCENTCLOUD_SECRET_KEY", ENV_KEY);

        assertThat(CredentialsProviders.defaultChain(env, home).credentials().secretId()).isEqualTo(ENV_ID);
        assertThat(CredentialsProviders.defaultChain(Map.of(), home).credentials().secretId()).isEqualTo(FILE_ID);
    }

    @Test
    void chainAsksInOrderSkipsWhatIsAbsentAndStopsAtWhatIsBroken() throws Exception {
        Credentials explicit = Credentials.of("AKIDEXPLICIT", "explicit-key");
        Path file = writeProfile("[default]\nsecret_id = " + FILE_ID + "\nsecret_key = " + FILE_KEY + "\n");
        CredentialsProvider env = CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_ID", ENV_ID,
                "TENCENTCLOUD_SECRET_KEY", ENV_KEY));
        CredentialsProvider noEnv = CredentialsProviders.environment(Map.of());
        CredentialsProvider halfEnv = CredentialsProviders.environment(Map.of("TENCENTCLOUD_SECRET_ID", ENV_ID));
        CredentialsProvider profile = CredentialsProviders.profileFile(file);

        assertThat(CredentialsProviders.chain(CredentialsProvider.of(explicit), env, profile).credentials()).isEqualTo(explicit);
        assertThat(CredentialsProviders.chain(env, profile).credentials().secretId()).isEqualTo(ENV_ID);
        assertThat(CredentialsProviders.chain(profile, env).credentials().secretId()).isEqualTo(FILE_ID);
        assertThat(CredentialsProviders.chain(noEnv, profile).credentials().secretId()).isEqualTo(FILE_ID);
        assertThatThrownBy(() -> CredentialsProviders.chain(halfEnv, profile).credentials())
                .isExactlyInstanceOf(FaceIdConfigurationException.class).hasMessageContaining("TENCENTCLOUD_SECRET_KEY");
    }

    @Test
    void anEmptyChainSaysWhereItLooked() {
        assertThatThrownBy(() -> CredentialsProviders.defaultChain(Map.of(), home).credentials())
                .isInstanceOf(CredentialsUnavailableException.class)
                .hasMessageStartingWith("credentials: none found; looked at environment variables TENCENTCLOUD_SECRET_ID")
                .hasMessageContaining(home.resolve(".tencentcloud/credentials") + " (not found)");
        assertThatThrownBy(CredentialsProviders::chain).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingPrintsAKeyOrToken() throws Exception {
        Path file = writeProfile("[default]\nsecret_id = " + FILE_ID + "\nsecret_key = " + FILE_KEY + "\ntoken = "
                + FILE_TOKEN + "\n");
        CredentialsProvider chain = CredentialsProviders.defaultChain(Map.of(), home);
        Credentials c = chain.credentials();
        assertThat(c.toString()).doesNotContain(FILE_KEY).doesNotContain(FILE_TOKEN).doesNotContain(FILE_ID)
                .contains("AKID...").contains("secretKey=***").contains("sessionToken=***");
        assertThat(chain.toString()).doesNotContain(FILE_KEY).doesNotContain(FILE_ID).contains(file.toString());
        assertThat(Credentials.of(FILE_ID, FILE_KEY)).isNotEqualTo(Credentials.of(FILE_ID, FILE_KEY, FILE_TOKEN));
    }

    @Test
    void credentialsAreValidated() {
        assertThatThrownBy(() -> Credentials.of(" ", FILE_KEY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(FILE_KEY);
        assertThatThrownBy(() -> Credentials.of(FILE_ID, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(FILE_ID);
    }

    @Test
    void aCredentialsFileOrFolderOthersOrTheGroupCanReadIsWarnedAbout() throws Exception {
        Path file = writeProfile("[default]\nsecret_id = " + FILE_ID + "\nsecret_key = " + FILE_KEY + "\n");
        Path folder = file.getParent();
        java.util.function.BiFunction<String, String, String> warnings = (filePerms, folderPerms) -> {
            try (LogCapture logs = new LogCapture()) {
                java.nio.file.Files.setPosixFilePermissions(file,
                        java.nio.file.attribute.PosixFilePermissions.fromString(filePerms));
                java.nio.file.Files.setPosixFilePermissions(folder,
                        java.nio.file.attribute.PosixFilePermissions.fromString(folderPerms));
                CredentialsProviders.profileFile(file).credentials();
                return logs.text();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(warnings.apply("rw-------", "rwx------")).doesNotContain("credentials file");
        assertThat(warnings.apply("rw-r-----", "rwx------")).contains("credentials file").contains("chmod 600")
                .doesNotContain(FILE_KEY);
        assertThat(warnings.apply("rw----r--", "rwx------")).contains("credentials file").contains("chmod 600");
        assertThat(warnings.apply("rw-------", "rwxr-xr-x")).contains("credentials folder").contains("chmod 700");
        assertThat(warnings.apply("rw-------", "rwx--x--x")).doesNotContain("credentials folder");
        java.nio.file.Files.setPosixFilePermissions(folder,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
}
