package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ENV_PROVIDER_ID;
import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ENV_REGION;
import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ENV_ROLE_ARN;
import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ENV_WEB_IDENTITY_TOKEN_FILE;

/**
 * {@link OidcRoleCredentialsProvider#fromEnvironment(Map, URI)}: TKE's four variables read now, the provider made on
 * the first request. None set is "unavailable" (a chain goes on); some but not all is an error naming the first
 * missing one.
 */
final class OidcEnvironment {

    private OidcEnvironment() {
    }

    static CredentialsProvider provider(Map<String, String> environment, URI stsEndpoint) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : new String[] {ENV_REGION, ENV_PROVIDER_ID, ENV_WEB_IDENTITY_TOKEN_FILE, ENV_ROLE_ARN}) {
            String value = text(environment.get(name));
            if (value != null) {
                env.put(name, value);
            }
        }
        OidcRoleCredentialsProvider.checkStsEndpoint(stsEndpoint);
        return new CredentialsProvider() {
            private volatile CredentialsProvider resolved;

            @Override
            public Credentials credentials() {
                CredentialsProvider p = resolved;
                if (p == null) {
                    synchronized (this) {
                        p = resolved;
                        if (p == null) {
                            p = resolve(env, stsEndpoint);
                            resolved = p;
                        }
                    }
                }
                return p.credentials();
            }

            @Override
            public String toString() {
                CredentialsProvider p = resolved;
                return p != null ? p.toString() : "oidcRole(environment " + ENV_ROLE_ARN + ", ...)";
            }
        };
    }

    private static CredentialsProvider resolve(Map<String, String> env, URI stsEndpoint) {
        if (env.isEmpty()) {
            String where = "OIDC role (environment variables " + ENV_REGION + ", " + ENV_PROVIDER_ID + ", "
                    + ENV_WEB_IDENTITY_TOKEN_FILE + ", " + ENV_ROLE_ARN + " are not set)";
            return () -> {
                throw new CredentialsUnavailableException(where);
            };
        }
        for (String name : new String[] {ENV_REGION, ENV_PROVIDER_ID, ENV_WEB_IDENTITY_TOKEN_FILE, ENV_ROLE_ARN}) {
            if (!env.containsKey(name)) {
                String problem = "is not set, while " + String.join(", ", new java.util.TreeSet<>(env.keySet()))
                        + " (TKE OIDC role) " + (env.size() == 1 ? "is" : "are");
                return () -> {
                    throw new FaceIdConfigurationException(name, problem);
                };
            }
        }
        return OidcRoleCredentialsProvider.builder().region(env.get(ENV_REGION)).providerId(env.get(ENV_PROVIDER_ID))
                .webIdentityTokenFile(Path.of(env.get(ENV_WEB_IDENTITY_TOKEN_FILE))).roleArn(env.get(ENV_ROLE_ARN))
                .stsEndpoint(stsEndpoint).build();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
