package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.client.internal.ResultJson;
import io.github.faceid4j.model.VerificationResult;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;

/**
 * The JSON line {@code faceid results} writes for one token: its line in the tokens file, the token masked, and the
 * result (API field names, personal data masked unless revealed, media as their size) or the error (type, the
 * service's code and RequestId, attempts, the message in the CLI's terms).
 */
final class ResultLines {

    private final ResultJson json = ResultJson.writer(media -> "<media: " + media.size() + " bytes>", false);
    private final boolean revealPii;

    ResultLines(boolean revealPii) {
        this.revealPii = revealPii;
    }

    /** {@return the line for {@code token}: {@code result} when {@code error} is null, else the error} */
    String line(ResultsCommand.Token token, VerificationResult result, Throwable error) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("line", token.line())
                .add("token", Tokens.mask(token.value()));
        if (error == null) {
            VerificationResult shown = revealPii ? result : Masking.mask(result);
            line.add("status", result.passed() ? "passed" : result.finished() ? "not-passed" : "not-finished");
            line.add("result", Json.createReader(new StringReader(json.toJson(shown))).readObject());
        } else {
            line.add("status", "error");
            JsonObjectBuilder detail = Json.createObjectBuilder().add("type", error.getClass().getSimpleName());
            if (error instanceof FaceIdServiceException service) {
                detail.add("code", String.valueOf(service.errorCode()));
                detail.add("requestId", String.valueOf(service.requestId()));
            }
            if (error instanceof FaceIdException faceId) {
                detail.add("attempts", faceId.attempts());
            }
            detail.add("message", Failures.inCliTerms(String.valueOf(error.getMessage()))); // 2s, not PT2S
            line.add("error", detail);
        }
        return line.build().toString();
    }
}
