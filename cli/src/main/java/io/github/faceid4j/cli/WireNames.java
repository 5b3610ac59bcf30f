package io.github.faceid4j.cli;

import java.util.Map;

/** The API's member names for the model's Java names, for the human summary ({@code mlidCard} is {@code MLIDCard}). */
final class WireNames {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("ocrResult", "OCRResult"),
            Map.entry("hkidCard", "HKIDCard"),
            Map.entry("mlidCard", "MLIDCard"),
            Map.entry("hmtPermitCard", "HMTPermitCard"),
            Map.entry("nricCode", "NRICCode"),
            Map.entry("id", "ID"),
            Map.entry("nik", "NIK"),
            Map.entry("vin", "VIN"),
            Map.entry("crn", "CRN"),
            Map.entry("rtrw", "RTRW"));

    private WireNames() {
    }

    static String of(String javaName) {
        String irregular = IRREGULAR.get(javaName);
        return irregular != null ? irregular : Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
    }
}
