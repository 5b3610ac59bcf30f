package io.github.faceid4j.client.internal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.eclipse.yasson.JsonBindingProvider;

import java.util.Map;

/**
 * The one place JSON names live. The model's Java names are the service's names with the first letter lowered
 * ({@code ErrorCode} / {@code errorCode}); the few that start with an acronym are listed here. Internal (exported
 * only to faceid4j's own modules).
 */
public final class WireNames implements PropertyNamingStrategy {

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
            Map.entry("rtrw", "RTRW"),
            Map.entry("idCardType", "IDCardType"));

    /**
     * JSON-B configured with these names on top of {@code config}: how this module maps JSON, reading or writing.
     *
     * @param config the other settings (adapters, formatting)
     * @return a JSON-B instance with the service's names
     */
    public static Jsonb jsonb(JsonbConfig config) {
        // The provider is named rather than looked up: inside application servers the service loader may find
        // another JSON-B implementation, and ours is configured for Yasson's record support.
        return new JsonBindingProvider().create().withConfig(config.withPropertyNamingStrategy(new WireNames())).build();
    }

    /** The naming strategy; {@link #jsonb} installs it. */
    public WireNames() {
    }

    @Override
    public String translateName(String javaName) {
        String irregular = IRREGULAR.get(javaName);
        if (irregular != null) {
            return irregular;
        }
        return Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
    }
}
