package harmony.core.ingest.transcript;

/**
 * Clock-style offsets as transcripts write them: {@code 0:05}, {@code 12:34}, {@code 1:02:03},
 * {@code 00:01:02,500}, {@code 00:00:03.450}, Teams' {@code 0:0:3.45}. Two parts are minutes and
 * seconds, three are hours, minutes and seconds; a fraction after {@code .} or {@code ,} is
 * seconds.
 */
final class Timestamps {
    /** Returned when the text does not have the shape of a timestamp at all. */
    static final long NOT_A_TIMESTAMP = -1;
    /** Returned when the text is shaped like a timestamp but is impossible ({@code 00:61:00}). */
    static final long INVALID = -2;

    /**
     * Milliseconds for s[from, to), {@link #NOT_A_TIMESTAMP} if it is not shaped like one.
     *
     * @throws TranscriptFormatException if it is shaped like one but impossible ({@code 00:61:00})
     */
    static long parse(String s, int from, int to, int line) {
        long ms = parse(s, from, to);
        if (ms == INVALID) {
            throw invalid(s, from, to, line);
        }
        return ms;
    }

    static TranscriptFormatException invalid(String s, int from, int to, int line) {
        return TranscriptFormatException.atLine(line, "timestamp " + s.substring(from, to) + " is not valid");
    }

    /** Milliseconds for s[from, to), {@link #NOT_A_TIMESTAMP} or {@link #INVALID}. */
    static long parse(String s, int from, int to) {
        long first = 0;
        long second = 0;
        long third = 0;
        int count = 0;
        int i = from;
        int fractionMs = 0;
        while (true) {
            int digitsStart = i;
            long value = 0;
            while (i < to && Text.isDigit(s.charAt(i)) && i - digitsStart < 4) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - digitsStart;
            if (digits == 0 || (i < to && Text.isDigit(s.charAt(i)))) {
                return NOT_A_TIMESTAMP;
            }
            if (count > 0 && digits > 2) {
                return NOT_A_TIMESTAMP;
            }
            if (count == 0) {
                first = value;
            } else if (count == 1) {
                second = value;
            } else {
                third = value;
            }
            count++;
            if (i == to) {
                break;
            }
            char c = s.charAt(i);
            if (c == ':' && count < 3) {
                i++;
                continue;
            }
            if ((c == '.' || c == ',') && count >= 2) {
                int fractionStart = ++i;
                int scale = 100;
                while (i < to && Text.isDigit(s.charAt(i)) && i - fractionStart < 9) {
                    fractionMs += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == fractionStart || i != to) {
                    return NOT_A_TIMESTAMP;
                }
                break;
            }
            return NOT_A_TIMESTAMP;
        }
        if (count < 2) {
            return NOT_A_TIMESTAMP;
        }
        long hours = count == 3 ? first : 0;
        long minutes = count == 3 ? second : first;
        long seconds = count == 3 ? third : second;
        if (seconds > 59 || (count == 3 && minutes > 59)) {
            return INVALID;
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fractionMs;
    }

    /** Whether c can be part of a timestamp. */
    static boolean isTimestampChar(char c) {
        return Text.isDigit(c) || c == ':' || c == '.' || c == ',';
    }

    private Timestamps() {
    }
}
