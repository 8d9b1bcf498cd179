package dev.phoneverify.core.domain;

/**
 * The characters a {@link VerificationCode} may hold. Providers generate digits; Verify v2 also takes a code the
 * caller chose of letters and digits (facts §2.3 {@code code}: {@code ^[a-zA-Z0-9]+$}). A gateway says which it
 * accepts in its capabilities, so input is refused before it reaches a provider that would not take it.
 */
public enum CodeAlphabet {
    /** {@code 0-9} only: every code a provider generates, and every code v1 takes. */
    DIGITS,
    /** ASCII letters of either case and digits; letters are kept as typed and compared case for case. */
    LETTERS_AND_DIGITS;

    /** True when {@code c} may appear in a code of this alphabet. */
    public boolean accepts(char c) {
        boolean digit = c >= '0' && c <= '9';
        return switch (this) {
            case DIGITS -> digit;
            case LETTERS_AND_DIGITS -> digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        };
    }
}
