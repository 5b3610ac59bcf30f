package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * How the hosted verification pages behave ({@code Config}, the service's {@code WebVerificationConfigIntl}).
 * Immutable; made by {@link #builder()}. Every setting is optional: {@code null} means "not sent", and the service
 * applies its default. The builder checks the documented ranges as values are set.
 */
public final class WebVerificationConfig {

    /** Documented range of {@code LivenessRetryLimit}. */
    public static final int MIN_LIVENESS_RETRY_LIMIT = 1;
    /** The largest {@code LivenessRetryLimit}. */
    public static final int MAX_LIVENESS_RETRY_LIMIT = 99;
    /** Documented range of {@code LivenessTimeout}, in seconds (the service's default is 45). */
    public static final int MIN_LIVENESS_TIMEOUT = 0;
    /** The largest {@code LivenessTimeout}, in seconds. */
    public static final int MAX_LIVENESS_TIMEOUT = 600;

    private static final WebVerificationConfig EMPTY = builder().build();

    private final Boolean autoSkipStartPage;
    private final Boolean autoSkip;
    private final CheckMode checkMode;
    private final IdCardType idCardType;
    private final Boolean disableCheckOcrWarnings;
    private final SecurityLevel securityLevel;
    private final Boolean skipPrivacyPolicy;
    private final Boolean idCardCutReturn;
    private final String themeColor;
    private final Language language;
    private final AutoDowngrade autoDowngrade;
    private final List<LivenessAction> actionList;
    private final Integer livenessRetryLimit;
    private final Integer livenessTimeout;
    private final List<Integer> selectedWarningCodes;
    private final Boolean allowExpiredDocument;
    private final Edition version;

    private WebVerificationConfig(Builder b) {
        autoSkipStartPage = b.autoSkipStartPage;
        autoSkip = b.autoSkip;
        checkMode = b.checkMode;
        idCardType = b.idCardType;
        disableCheckOcrWarnings = b.disableCheckOcrWarnings;
        securityLevel = b.securityLevel;
        skipPrivacyPolicy = b.skipPrivacyPolicy;
        idCardCutReturn = b.idCardCutReturn;
        themeColor = b.themeColor;
        language = b.language;
        autoDowngrade = b.autoDowngrade;
        actionList = b.actionList;
        livenessRetryLimit = b.livenessRetryLimit;
        livenessTimeout = b.livenessTimeout;
        selectedWarningCodes = b.selectedWarningCodes;
        allowExpiredDocument = b.allowExpiredDocument;
        version = b.version;
    }

    /**
     * @return a builder with nothing set: the service's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a configuration that sends nothing: the service's defaults throughout} */
    public static WebVerificationConfig defaults() {
        return EMPTY;
    }

    /** {@return a builder holding this configuration's settings, to change some of them} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.autoSkipStartPage = autoSkipStartPage;
        b.autoSkip = autoSkip;
        b.checkMode = checkMode;
        b.idCardType = idCardType;
        b.disableCheckOcrWarnings = disableCheckOcrWarnings;
        b.securityLevel = securityLevel;
        b.skipPrivacyPolicy = skipPrivacyPolicy;
        b.idCardCutReturn = idCardCutReturn;
        b.themeColor = themeColor;
        b.language = language;
        b.autoDowngrade = autoDowngrade;
        b.actionList = actionList;
        b.livenessRetryLimit = livenessRetryLimit;
        b.livenessTimeout = livenessTimeout;
        b.selectedWarningCodes = selectedWarningCodes;
        b.allowExpiredDocument = allowExpiredDocument;
        b.version = version;
        return b;
    }

    /** {@return whether nothing is set, so that a sender may leave {@code Config} out} */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * Skip the start page (JSON {@code AutoSkipStartPage}).
     *
     * @return the setting, or null when not set
     */
    public Boolean autoSkipStartPage() {
        return autoSkipStartPage;
    }

    /**
     * On success, skip the result page and go straight to the RedirectURL (JSON {@code AutoSkip}).
     *
     * @return the setting, or null when not set
     */
    public Boolean autoSkip() {
        return autoSkip;
    }

    /**
     * JSON {@code CheckMode}.
     *
     * @return the setting, or null when not set
     */
    public CheckMode checkMode() {
        return checkMode;
    }

    /**
     * JSON {@code IDCardType}.
     *
     * @return the setting, or null when not set
     */
    public IdCardType idCardType() {
        return idCardType;
    }

    /**
     * JSON {@code DisableCheckOcrWarnings}.
     *
     * @return the setting, or null when not set
     */
    public Boolean disableCheckOcrWarnings() {
        return disableCheckOcrWarnings;
    }

    /**
     * JSON {@code SecurityLevel}.
     *
     * @return the setting, or null when not set
     */
    public SecurityLevel securityLevel() {
        return securityLevel;
    }

    /**
     * JSON {@code SkipPrivacyPolicy}.
     *
     * @return the setting, or null when not set
     */
    public Boolean skipPrivacyPolicy() {
        return skipPrivacyPolicy;
    }

    /**
     * JSON {@code IdCardCutReturn}.
     *
     * @return the setting, or null when not set
     */
    public Boolean idCardCutReturn() {
        return idCardCutReturn;
    }

    /**
     * JSON {@code ThemeColor}, e.g. {@code #2d72f1}.
     *
     * @return the setting, or null when not set
     */
    public String themeColor() {
        return themeColor;
    }

    /**
     * JSON {@code Language}.
     *
     * @return the setting, or null when not set
     */
    public Language language() {
        return language;
    }

    /**
     * JSON {@code AutoDowngrade}.
     *
     * @return the setting, or null when not set
     */
    public AutoDowngrade autoDowngrade() {
        return autoDowngrade;
    }

    /** {@return one or two actions, or {@code null} (JSON {@code ActionList}, sent comma-separated)} Unmodifiable. */
    public List<LivenessAction> actionList() {
        return actionList;
    }

    /**
     * JSON {@code LivenessRetryLimit}, 1–99.
     *
     * @return the setting, or null when not set
     */
    public Integer livenessRetryLimit() {
        return livenessRetryLimit;
    }

    /**
     * JSON {@code LivenessTimeout}, 0–600 seconds.
     *
     * @return the setting, or null when not set
     */
    public Integer livenessTimeout() {
        return livenessTimeout;
    }

    /**
     * OCR warnings to act on, e.g. -9101 (JSON {@code SelectedWarningCodes}, sent comma-separated).
     *
     * @return the codes; empty when not set
     */
    public List<Integer> selectedWarningCodes() {
        return selectedWarningCodes;
    }

    /**
     * JSON {@code AllowExpiredDocument} (Hong Kong identity cards only).
     *
     * @return the setting, or null when not set
     */
    public Boolean allowExpiredDocument() {
        return allowExpiredDocument;
    }

    /** {@return the edition, JSON {@code Version}: not the API version} */
    public Edition version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebVerificationConfig c && Objects.equals(autoSkipStartPage, c.autoSkipStartPage)
                && Objects.equals(autoSkip, c.autoSkip) && Objects.equals(checkMode, c.checkMode)
                && Objects.equals(idCardType, c.idCardType)
                && Objects.equals(disableCheckOcrWarnings, c.disableCheckOcrWarnings)
                && Objects.equals(securityLevel, c.securityLevel) && Objects.equals(skipPrivacyPolicy, c.skipPrivacyPolicy)
                && Objects.equals(idCardCutReturn, c.idCardCutReturn) && Objects.equals(themeColor, c.themeColor)
                && Objects.equals(language, c.language) && Objects.equals(autoDowngrade, c.autoDowngrade)
                && Objects.equals(actionList, c.actionList) && Objects.equals(livenessRetryLimit, c.livenessRetryLimit)
                && Objects.equals(livenessTimeout, c.livenessTimeout)
                && Objects.equals(selectedWarningCodes, c.selectedWarningCodes)
                && Objects.equals(allowExpiredDocument, c.allowExpiredDocument) && Objects.equals(version, c.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(autoSkipStartPage, autoSkip, checkMode, idCardType, disableCheckOcrWarnings, securityLevel,
                skipPrivacyPolicy, idCardCutReturn, themeColor, language, autoDowngrade, actionList,
                livenessRetryLimit, livenessTimeout, selectedWarningCodes, allowExpiredDocument, version);
    }

    /** The settings that are set. None of them is personal data. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("WebVerificationConfig[");
        String sep = "";
        Object[] pairs = {"AutoSkipStartPage", autoSkipStartPage, "AutoSkip", autoSkip, "CheckMode", checkMode,
            "IDCardType", idCardType, "DisableCheckOcrWarnings", disableCheckOcrWarnings, "SecurityLevel",
            securityLevel, "SkipPrivacyPolicy", skipPrivacyPolicy, "IdCardCutReturn", idCardCutReturn, "ThemeColor",
            themeColor, "Language", language, "AutoDowngrade", autoDowngrade, "ActionList", actionList,
            "LivenessRetryLimit", livenessRetryLimit, "LivenessTimeout", livenessTimeout, "SelectedWarningCodes",
            selectedWarningCodes, "AllowExpiredDocument", allowExpiredDocument, "Version", version};
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                s.append(sep).append(pairs[i]).append('=').append(pairs[i + 1]);
                sep = ", ";
            }
        }
        return s.append(']').toString();
    }

    /**
     * Builds a {@link WebVerificationConfig}; each setter checks its documented rule and throws
     * {@link InvalidRequestException} naming the field ({@code Config.LivenessTimeout}...). {@code null} unsets.
     */
    public static final class Builder {
        private Boolean autoSkipStartPage;
        private Boolean autoSkip;
        private CheckMode checkMode;
        private IdCardType idCardType;
        private Boolean disableCheckOcrWarnings;
        private SecurityLevel securityLevel;
        private Boolean skipPrivacyPolicy;
        private Boolean idCardCutReturn;
        private String themeColor;
        private Language language;
        private AutoDowngrade autoDowngrade;
        private List<LivenessAction> actionList;
        private Integer livenessRetryLimit;
        private Integer livenessTimeout;
        private List<Integer> selectedWarningCodes;
        private Boolean allowExpiredDocument;
        private Edition version;

        private Builder() {
        }

        /**
         * Skip the start page (JSON {@code AutoSkipStartPage}).
         *
         * @param skip the setting, or null for the service's default
         * @return this builder
         */
        public Builder autoSkipStartPage(Boolean skip) {
            this.autoSkipStartPage = skip;
            return this;
        }

        /**
         * On success, go straight to the RedirectURL (JSON {@code AutoSkip}).
         *
         * @param skip the setting, or null for the service's default
         * @return this builder
         */
        public Builder autoSkip(Boolean skip) {
            this.autoSkip = skip;
            return this;
        }

        /**
         * JSON {@code CheckMode}.
         *
         * @param mode the mode, or null for the service's default
         * @return this builder
         */
        public Builder checkMode(CheckMode mode) {
            this.checkMode = mode;
            return this;
        }

        /**
         * JSON {@code IDCardType}.
         *
         * @param type the document type, or null for the service's default
         * @return this builder
         */
        public Builder idCardType(IdCardType type) {
            this.idCardType = type;
            return this;
        }

        /**
         * JSON {@code DisableCheckOcrWarnings}.
         *
         * @param disable the setting, or null for the service's default
         * @return this builder
         */
        public Builder disableCheckOcrWarnings(Boolean disable) {
            this.disableCheckOcrWarnings = disable;
            return this;
        }

        /**
         * JSON {@code SecurityLevel}.
         *
         * @param level the level, or null for the service's default
         * @return this builder
         */
        public Builder securityLevel(SecurityLevel level) {
            this.securityLevel = level;
            return this;
        }

        /**
         * JSON {@code SkipPrivacyPolicy}.
         *
         * @param skip the setting, or null for the service's default
         * @return this builder
         */
        public Builder skipPrivacyPolicy(Boolean skip) {
            this.skipPrivacyPolicy = skip;
            return this;
        }

        /**
         * JSON {@code IdCardCutReturn}.
         *
         * @param cut the setting, or null for the service's default
         * @return this builder
         */
        public Builder idCardCutReturn(Boolean cut) {
            this.idCardCutReturn = cut;
            return this;
        }

        /**
         * A colour as {@code #rrggbb}.
         *
         * @param color the colour, e.g. {@code #2d72f1}
         * @return this builder
         */
        public Builder themeColor(String color) {
            if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
                throw new InvalidRequestException("Config.ThemeColor", "must be a colour as #rrggbb");
            }
            this.themeColor = color;
            return this;
        }

        /**
         * JSON {@code Language}.
         *
         * @param language the language, or null for the service's default
         * @return this builder
         */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /**
         * JSON {@code AutoDowngrade}.
         *
         * @param downgrade the setting, or null for the service's default
         * @return this builder
         */
        public Builder autoDowngrade(AutoDowngrade downgrade) {
            this.autoDowngrade = downgrade;
            return this;
        }

        /**
         * One or two different actions the documents list (blink, mouth, nod, shake). Unlike the other enumerated
         * settings, an action this library does not know is refused: the rule is "one or two known
         * actions", and the hosted page would have to show the customer what to do.
         *
         * @param actions one or two actions
         * @return this builder
         */
        public Builder actionList(LivenessAction... actions) {
            return actionList(actions == null ? null : java.util.Arrays.asList(actions));
        }

        /**
         * See {@link #actionList(LivenessAction...)}.
         *
         * @param actions one or two actions
         * @return this builder
         */
        public Builder actionList(List<LivenessAction> actions) {
            if (actions == null) {
                this.actionList = null;
                return this;
            }
            String field = "Config.ActionList";
            if (actions.isEmpty() || actions.size() > 2) {
                throw new InvalidRequestException(field, "must name one or two actions, not " + actions.size());
            }
            for (LivenessAction a : actions) {
                if (a == null) {
                    throw new InvalidRequestException(field, "must not contain null");
                }
                if (!a.isKnown()) {
                    throw new InvalidRequestException(field, "'" + a.value() + "' is not an action; use "
                            + LivenessAction.knownValues());
                }
            }
            if (new LinkedHashSet<>(actions).size() != actions.size()) {
                throw new InvalidRequestException(field, "names the same action twice");
            }
            this.actionList = List.copyOf(actions);
            return this;
        }

        /**
         * 1–99 liveness attempts.
         *
         * @param limit the limit, or null for the service's default
         * @return this builder
         */
        public Builder livenessRetryLimit(Integer limit) {
            if (limit != null && (limit < MIN_LIVENESS_RETRY_LIMIT || limit > MAX_LIVENESS_RETRY_LIMIT)) {
                throw new InvalidRequestException("Config.LivenessRetryLimit", "must be between "
                        + MIN_LIVENESS_RETRY_LIMIT + " and " + MAX_LIVENESS_RETRY_LIMIT + ", not " + limit);
            }
            this.livenessRetryLimit = limit;
            return this;
        }

        /**
         * 0–600 seconds.
         *
         * @param seconds the timeout, or null for the service's default
         * @return this builder
         */
        public Builder livenessTimeout(Integer seconds) {
            if (seconds != null && (seconds < MIN_LIVENESS_TIMEOUT || seconds > MAX_LIVENESS_TIMEOUT)) {
                throw new InvalidRequestException("Config.LivenessTimeout", "must be between "
                        + MIN_LIVENESS_TIMEOUT + " and " + MAX_LIVENESS_TIMEOUT + " seconds, not " + seconds);
            }
            this.livenessTimeout = seconds;
            return this;
        }

        /**
         * OCR warning codes as the documents write them, negative: -9101 to -9109 today.
         *
         * @param codes the codes, or null for none
         * @return this builder
         */
        public Builder selectedWarningCodes(List<Integer> codes) {
            if (codes != null) {
                List<Integer> copy = new ArrayList<>(codes);
                if (copy.isEmpty() || copy.stream().anyMatch(c -> c == null || c >= 0)) {
                    throw new InvalidRequestException("Config.SelectedWarningCodes",
                            "must be one or more negative codes such as -9101");
                }
                this.selectedWarningCodes = List.copyOf(copy);
            } else {
                this.selectedWarningCodes = null;
            }
            return this;
        }

        /**
         * JSON {@code AllowExpiredDocument} (Hong Kong identity cards only).
         *
         * @param allow the setting, or null for the service's default
         * @return this builder
         */
        public Builder allowExpiredDocument(Boolean allow) {
            this.allowExpiredDocument = allow;
            return this;
        }

        /**
         * The edition (JSON {@code Version}).
         *
         * @param edition the edition, or null for the service's default
         * @return this builder
         */
        public Builder version(Edition edition) {
            this.version = edition;
            return this;
        }

        /**
         * @return the configuration
         * @throws InvalidRequestException naming the first setting out of its range
         */
        public WebVerificationConfig build() {
            return new WebVerificationConfig(this);
        }
    }
}
