package harmony.core.intelligence.text;

/**
 * Light suffix stripping, so that "price", "prices", "priced" and "pricing" meet. Trackers and the
 * text they search are stemmed the same way, so consistency matters more than linguistics.
 */
public final class Stemmer {

    public static String stem(String lowerWord) {
        String w = lowerWord;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            w = w.substring(0, n - 3) + "y";
        } else if (n > 4 && w.endsWith("sses")) {
            w = w.substring(0, n - 2);
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        n = w.length();
        if (n > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, n - 3));
        } else if (n > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undouble(w.substring(0, n - 2));
        }
        n = w.length();
        if (n > 4 && w.endsWith("e")) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && Character.isLetter(w.charAt(n - 1))) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private Stemmer() {
    }
}
