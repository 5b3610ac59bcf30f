package io.github.faceid4j.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects a named FaceID client, configured under {@code tencentcloud.faceid.<name>.*}:
 *
 * <pre>{@code
 * @Inject @FaceIdClient("payouts") VerificationResultService payouts;   // tencentcloud.faceid.payouts.region=...
 * @Inject VerificationResultService results;                           // the unnamed tencentcloud.faceid.* client
 * }</pre>
 *
 * <p>A named client takes every setting it does not set itself from the unnamed keys ({@code tencentcloud.faceid.*}),
 * so clients can share credentials and differ in region. The extension creates a named client only for names found
 * at injection points (including {@code Instance<VerificationResultService>} injection points), and fails the
 * deployment when such a name has no {@code tencentcloud.faceid.<name>.*} key at all.
 *
 * <p>Names may use letters, digits, {@code -} and {@code _}. Observers may use the qualifier too:
 * {@code @Observes @FaceIdClient("payouts") VerificationCallEvent} sees only that client's calls.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface FaceIdClient {

    /** {@return the client's name: the segment after {@code tencentcloud.faceid.} in its configuration keys} */
    String value();

    /** An instance of the qualifier, for {@code Instance.select(FaceIdClient.Literal.of("payouts"))}. */
    final class Literal extends AnnotationLiteral<FaceIdClient> implements FaceIdClient {

        private static final long serialVersionUID = 1L;

        /** The client's name. */
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * @param name the client's name, as in {@code tencentcloud.faceid.<name>.*}
         * @return the qualifier for that client
         */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
