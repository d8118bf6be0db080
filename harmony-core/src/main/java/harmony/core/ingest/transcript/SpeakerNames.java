package harmony.core.ingest.transcript;

/**
 * Tells a speaker's name from the start of a sentence, for {@code Name: text} prefixes and
 * {@code Name  0:05} headers: at most five words and 48 characters, starting with a letter, made of
 * name characters, and, past the first word, every word capitalised (so {@code Here is the thing:}
 * stays text) except name particles such as {@code de} or {@code van}.
 */
final class SpeakerNames {
    static final int MAX_LENGTH = 48;
    static final int MAX_WORDS = 5;

    static boolean isName(String s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LENGTH || !Character.isLetter(s.charAt(from))) {
            return false;
        }
        int words = 0;
        int depth = 0;
        boolean atWordStart = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '\t') {
                atWordStart = true;
                continue;
            }
            if (atWordStart) {
                atWordStart = false;
                if (++words > MAX_WORDS) {
                    return false;
                }
                if (words > 1 && Character.isLowerCase(c) && !isParticle(s, i, to)) {
                    return false;
                }
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return false;
                }
            } else if (!isNameChar(c)) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * If s[from, to) starts with {@code Name:} followed by a space or the end, the index of that colon;
     * else -1. Used for the speaker prefixes of subtitle cues and chat lines.
     */
    static int prefixColon(String s, int from, int to) {
        int limit = Math.min(to, from + MAX_LENGTH + 1);
        for (int i = from; i < limit; i++) {
            if (s.charAt(i) == ':') {
                boolean spaceAfter = i + 1 == to || Text.isSpace(s.charAt(i + 1));
                return spaceAfter && isName(s, from, Text.trimEnd(s, from, i)) ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '\'' || c == '\u2019' || c == '-' || c == '_'
                || c == '&' || c == '@' || c == '+' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static final String[] PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "la",
        "le", "du", "dos", "das", "bin", "al", "el", "ter", "ten", "y", "e", "zu", "af"};

    private static boolean isParticle(String s, int from, int to) {
        int end = from;
        while (end < to && s.charAt(end) != ' ') {
            end++;
        }
        for (String p : PARTICLES) {
            if (p.length() == end - from && s.startsWith(p, from)) {
                return true;
            }
        }
        return false;
    }

    private SpeakerNames() {
    }
}
