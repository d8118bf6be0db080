package harmony.core.intelligence.text;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Small numbers said as words ("twenty six", "fifteenth") or written as digits ("26", "15th"). */
public final class NumberWords {
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] UNIT_ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    private static final String[] TENS_ORDINALS = {"", "", "twentieth", "thirtieth"};

    private static final Map<String, Integer> CARDINALS = new HashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();

    static {
        for (int i = 0; i < 100; i++) {
            CARDINALS.put(cardinal(i), i);
        }
        CARDINALS.put("a", 1);
        CARDINALS.put("an", 1);
        CARDINALS.put("a couple of", 2);
        CARDINALS.put("a couple", 2);
        CARDINALS.put("a few", 3);
        for (int i = 1; i <= 31; i++) {
            ORDINALS.put(ordinal(i), i);
        }
    }

    /** The regular-expression alternatives for ordinal days 1..31 in words, longest first. */
    public static final String ORDINAL_WORDS_PATTERN;
    /** The regular-expression alternatives for cardinals 1..99 in words, longest first. */
    public static final String CARDINAL_WORDS_PATTERN;

    static {
        ORDINAL_WORDS_PATTERN = String.join("|", ORDINALS.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).toList());
        CARDINAL_WORDS_PATTERN = String.join("|", CARDINALS.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).toList());
    }

    private static String cardinal(int n) {
        if (n < 20) {
            return UNITS[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : " " + UNITS[n % 10]);
    }

    private static String ordinal(int n) {
        if (n < 20) {
            return UNIT_ORDINALS[n];
        }
        return n % 10 == 0 ? TENS_ORDINALS[n / 10] : TENS[n / 10] + " " + UNIT_ORDINALS[n % 10];
    }

    /** "26", "26th", "twenty sixth", "twenty-sixth" → 26. */
    public static OptionalInt ordinalValue(String s) {
        String t = s.trim().replace('-', ' ');
        Integer w = ORDINALS.get(t);
        if (w != null) {
            return OptionalInt.of(w);
        }
        return digits(t.replaceAll("(st|nd|rd|th)$", ""));
    }

    /** "3", "three", "a couple of" → 3, 3, 2. */
    public static OptionalInt cardinalValue(String s) {
        String t = s.trim().replace('-', ' ');
        Integer w = CARDINALS.get(t);
        return w != null ? OptionalInt.of(w) : digits(t);
    }

    private static OptionalInt digits(String t) {
        if (t.isEmpty() || t.length() > 3 || !t.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(t));
    }

    private NumberWords() {
    }
}
