package io.github.faceid4j.emulator;

/**
 * The made-up identity every emulator result carries. No value belongs to a real person.
 *
 * <p>Public so that tests elsewhere can assert these strings never reach a log line: if they appear in a log,
 * personal data would have leaked there in production too.
 */
public final class SyntheticPerson {

    /** Full name on every synthetic card. */
    public static final String NAME = "TEST PERSON ALPHA";
    /** Given name part of {@link #NAME}. */
    public static final String FIRST_NAME = "PERSON ALPHA";
    /** Family name part of {@link #NAME}. */
    public static final String LAST_NAME = "TEST";
    /** A localised (non-ASCII) form of the name, so clients prove they decode UTF-8. Means "test person A". */
    public static final String NAME_LOCAL = "测试人员甲";
    /** Card number; the all-zero prefix cannot be a real Malaysian MyKad number. */
    public static final String ID_NUMBER = "000000-00-0001";
    /** Number of the synthetic general card (passport-like). */
    public static final String LICENSE_NUMBER = "X00000001";
    /** Street address. */
    public static final String ADDRESS = "1 Example Street, Test City";
    /** Birthday in the cards' format. */
    public static final String BIRTHDAY = "1990-01-01";
    /** Sex field as the cards print it. */
    public static final String SEX = "M";
    /** Country code used on the general card (ISO 3166 alpha-3 user-assigned range, not a real country). */
    public static final String COUNTRY = "XXA";
    /** Postal code of {@link #ADDRESS}. */
    public static final String POSTAL_CODE = "00000";
    /** City of {@link #ADDRESS}. */
    public static final String CITY = "Test City";
    /** The {@code Extra} pass-through value of built-in results. */
    public static final String EXTRA = "synthetic-extra";

    private SyntheticPerson() {
    }
}
