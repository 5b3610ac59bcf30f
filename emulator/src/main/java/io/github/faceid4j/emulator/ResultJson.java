package io.github.faceid4j.emulator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Renders scenarios as the service's JSON. Field names are spelled here, once, exactly as the API documents them
 * (not derived from any Java model), and everything sits inside {@code {"Response":{...}}}.
 */
final class ResultJson {

    private ResultJson() {
    }

    static ResponseBody apiError(String code, String message, String requestId) {
        ResponseBody.Builder body = new ResponseBody.Builder();
        JsonWriter w = new JsonWriter(body);
        w.beginObject().name("Response").beginObject()
                .name("Error").beginObject().field("Code", code).field("Message", message).endObject()
                .field("RequestId", requestId)
                .endObject().endObject();
        return body.build();
    }

    /** A verification result ({@link Scenario.Kind#RESULT}, and the bodies of the truncated/oversized faults). */
    static ResponseBody result(Scenario s, Clock clock, String requestId) {
        ResponseBody.Builder body = new ResponseBody.Builder();
        JsonWriter w = new JsonWriter(body);
        long now = clock.millis();
        w.beginObject().name("Response").beginObject();
        switch (s.result) {
            case PASSED -> passed(w, s, now, clock);
            case FAILED -> failed(w, now);
            case NOT_FINISHED -> notFinished(w);
        }
        w.field("RequestId", requestId);
        w.endObject().endObject();
        return body.build();
    }

    private static void passed(JsonWriter w, Scenario s, long now, Clock clock) {
        SyntheticMedia.Images img = SyntheticMedia.images();
        w.name("ErrorCode").value(0L).field("ErrorMsg", "Success");
        w.name("VerificationDetailList").beginArray();
        // A realistic history: the first attempt failed the action check, the retry matched.
        detail(w, 1207L, "No eye closing detected.", 1207L, "No eye closing detected.", null, null,
                now - 45_000, null, List.of("02"));
        detail(w, 0L, "Success", 0L, "Success", 0L, "Success", now - 5_000, 92.5, List.of());
        w.endArray();
        w.name("VideoBase64");
        if (s.kind == Scenario.Kind.OVERSIZED) {
            w.safeStringValue(SyntheticMedia.generatedBase64(s.oversizedBytes));
        } else {
            w.safeStringValue(ResponseBody.bytesPart(SyntheticMedia.videoBase64(s.videoBytes)));
        }
        w.field("BestFrameBase64", img.bestFrame());
        w.name("OCRResult").beginArray();
        w.beginObject()
                .name("IsPass").value(true)
                .field("CardImageBase64", img.cardFront())
                .name("CardInfo").beginObject()
                .name("HKIDCard").nullValue();
        mlidCard(w.name("MLIDCard"));
        generalCard(w.name("GeneralCard"), clock);
        w.endObject();
        w.name("NormalCardInfo").beginObject();
        mlidCard(w.name("MLIDCard"));
        w.endObject();
        w.field("RequestId", UUID.randomUUID().toString())
                .field("CardCutImageBase64", img.cardFrontCut())
                .field("CardBackCutImageBase64", img.cardBackCut())
                .name("WarnCardInfos").beginArray().value(9102L).endArray()
                // A JSON document inside a string: exercises the client's unescaping.
                .field("OriginalCardInfo", "{\"Name\":\"" + SyntheticPerson.NAME + "\",\"ID\":\""
                        + SyntheticPerson.ID_NUMBER + "\",\"Address\":\"" + SyntheticPerson.ADDRESS + "\"}")
                .field("HeadImageBase64", img.head())
                .field("CardBackImageBase64", img.cardBack())
                .endObject();
        w.endArray();
        w.field("Extra", SyntheticPerson.EXTRA);
        // Not in any documented version: a client must ignore fields it does not know.
        w.name("FutureField").beginObject().name("x").value(1L).endObject();
    }

    private static void failed(JsonWriter w, long now) {
        SyntheticMedia.Images img = SyntheticMedia.images();
        w.name("ErrorCode").value(1005L).field("ErrorMsg", "Liveness failed.");
        w.name("VerificationDetailList").beginArray();
        detail(w, 1207L, "No eye closing detected.", 1207L, "No eye closing detected.", null, null,
                now - 60_000, null, List.of("02"));
        detail(w, 1005L, "Liveness failed.", 1005L, "Liveness failed.", null, null, now - 10_000, null,
                List.of("01", "05"));
        w.endArray();
        w.name("VideoBase64").safeStringValue(
                ResponseBody.bytesPart(SyntheticMedia.videoBase64(SyntheticMedia.DEFAULT_VIDEO_BYTES)));
        w.field("BestFrameBase64", img.bestFrame());
        w.name("OCRResult").beginArray().beginObject()
                .name("IsPass").value(false)
                .field("CardImageBase64", img.cardFront())
                .name("CardInfo").nullValue()
                .name("NormalCardInfo").nullValue()
                .field("RequestId", UUID.randomUUID().toString())
                .name("CardCutImageBase64").nullValue()
                .name("CardBackCutImageBase64").nullValue()
                .name("WarnCardInfos").beginArray().value(9103L).endArray()
                .name("OriginalCardInfo").nullValue()
                .name("HeadImageBase64").nullValue()
                .name("CardBackImageBase64").nullValue()
                .endObject().endArray();
        w.field("Extra", SyntheticPerson.EXTRA);
    }

    private static void notFinished(JsonWriter w) {
        w.name("ErrorCode").value(17L).field("ErrorMsg", "The verification process is not finished.");
        w.name("VerificationDetailList").beginArray().endArray();
        w.name("VideoBase64").nullValue();
        w.name("BestFrameBase64").nullValue();
        w.name("OCRResult").nullValue();
        w.field("Extra", SyntheticPerson.EXTRA);
    }

    static void detail(JsonWriter w, Long errorCode, String errorMsg, Long livenessCode, String livenessMsg,
                               Long compareCode, String compareMsg, long reqTimestamp, Double similarity,
                               List<String> tags) {
        w.beginObject()
                .field("ErrorCode", errorCode).field("ErrorMsg", errorMsg)
                .field("LivenessErrorCode", livenessCode).field("LivenessErrorMsg", livenessMsg)
                .field("CompareErrorCode", compareCode).field("CompareErrorMsg", compareMsg)
                .field("ReqTimestamp", reqTimestamp);
        w.name("Similarity");
        if (similarity == null) {
            w.nullValue();
        } else {
            w.value(similarity.doubleValue());
        }
        w.field("Seq", UUID.randomUUID().toString())
                .stringArray("LivenessInfoTag", tags)
                .endObject();
    }

    static void mlidCard(JsonWriter w) {
        w.beginObject()
                .field("Name", SyntheticPerson.NAME)
                .field("ID", SyntheticPerson.ID_NUMBER)
                .field("Sex", SyntheticPerson.SEX)
                .field("Address", SyntheticPerson.ADDRESS)
                .field("Type", "MyKad")
                .field("Birthday", SyntheticPerson.BIRTHDAY)
                .endObject();
    }

    static void generalCard(JsonWriter w, Clock clock) {
        int age = Period.between(LocalDate.parse(SyntheticPerson.BIRTHDAY), LocalDate.now(clock.withZone(
                ZoneOffset.UTC))).getYears();
        w.beginObject()
                .field("LicenseNumber", SyntheticPerson.LICENSE_NUMBER)
                .field("PersonalNumber", SyntheticPerson.ID_NUMBER)
                .name("PassportCodeFirst").nullValue()
                .name("PassportCodeSecond").nullValue()
                .field("ExpirationDate", "2099-12-31")
                .name("DueDate").nullValue()
                .field("IssuedDate", "2020-01-01")
                .field("IssuedAuthority", "TEST AUTHORITY")
                .field("IssuedCountry", SyntheticPerson.COUNTRY)
                .field("FullName", SyntheticPerson.NAME)
                .field("FirstName", SyntheticPerson.FIRST_NAME)
                .field("LastName", SyntheticPerson.LAST_NAME)
                .field("Sex", SyntheticPerson.SEX)
                .field("Age", Integer.toString(Math.max(age, 0)))
                .field("Birthday", SyntheticPerson.BIRTHDAY)
                .field("BirthPlace", SyntheticPerson.CITY)
                .field("Nationality", SyntheticPerson.COUNTRY)
                .name("RegistrationNumber").nullValue()
                .name("Address").beginObject()
                .field("Country", SyntheticPerson.COUNTRY)
                .field("PostalCode", SyntheticPerson.POSTAL_CODE)
                .field("Subdivision", "Test Province")
                .field("City", SyntheticPerson.CITY)
                .field("FormattedAddress", SyntheticPerson.ADDRESS)
                .field("LineOne", "1 Example Street")
                .field("LineTwo", SyntheticPerson.CITY)
                .name("LineThree").nullValue()
                .name("LineFour").nullValue()
                .name("LineFive").nullValue()
                .endObject()
                .field("FullNameLocal", SyntheticPerson.NAME_LOCAL)
                .name("FirstNameLocal").nullValue()
                .name("LastNameLocal").nullValue()
                .endObject();
    }
}
