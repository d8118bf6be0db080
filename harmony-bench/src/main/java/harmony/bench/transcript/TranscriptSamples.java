package harmony.bench.transcript;

import java.util.Random;

/** Realistic transcripts of about {@code size} characters in each format, from one seeded conversation. */
final class TranscriptSamples {
    private static final String[] NAMES = {"Dana Reyes", "Marco Bianchi", "Priya Natarajan", "Lee Chen"};
    private static final String[] WORDS = ("the renewal pricing seats annual plan discount security questionnaire "
            + "follow-up roadmap export feature ships March we they can should will next steps churn forecast "
            + "dashboard usage up thirty percent teams October integration Salesforce onboarding training timeline "
            + "budget approval legal review contract signature quarter pipeline").split(" ");

    private final Random random = new Random(42);

    private String sentence() {
        StringBuilder s = new StringBuilder();
        int words = 8 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            s.append(i + 1 < words ? (random.nextInt(9) == 0 ? ", " : " ") : ".");
        }
        return s.toString();
    }

    private static String clock(long ms, char fraction) {
        long s = ms / 1000;
        return String.format("%02d:%02d:%02d%c%03d", s / 3600, s / 60 % 60, s % 60, fraction, ms % 1000);
    }

    private static String hms(long ms) {
        long s = ms / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** {@code [00:01:02] Name: text} lines, some turns running over two lines. */
    String bracketedPlainText(int size) {
        StringBuilder out = new StringBuilder(size + 256);
        long ms = 0;
        while (out.length() < size) {
            out.append('[').append(hms(ms)).append("] ").append(NAMES[random.nextInt(NAMES.length)]).append(": ")
                    .append(sentence()).append('\n');
            if (random.nextInt(4) == 0) {
                out.append(sentence()).append('\n');
            }
            ms += 2000 + random.nextInt(9000);
        }
        return out.toString();
    }

    /** Otter's {@code Name  0:05} header, text, blank line. */
    String otterPlainText(int size) {
        StringBuilder out = new StringBuilder(size + 256);
        long s = 0;
        while (out.length() < size) {
            out.append(NAMES[random.nextInt(NAMES.length)]).append("  ").append(s / 60).append(':')
                    .append(String.format("%02d", s % 60)).append('\n').append(sentence()).append(' ').append(sentence())
                    .append("\n\n");
            s += 3 + random.nextInt(20);
        }
        return out.toString();
    }

    String srt(int size) {
        StringBuilder out = new StringBuilder(size + 256);
        long ms = 0;
        int n = 1;
        while (out.length() < size) {
            long end = ms + 1500 + random.nextInt(4000);
            out.append(n++).append('\n').append(clock(ms, ',')).append(" --> ").append(clock(end, ',')).append('\n')
                    .append(NAMES[random.nextInt(NAMES.length)]).append(": ").append(sentence()).append("\n\n");
            ms = end + random.nextInt(500);
        }
        return out.toString();
    }

    /** Teams-style: identifiers and voice tags. */
    String webVtt(int size) {
        StringBuilder out = new StringBuilder(size + 256).append("WEBVTT\n\n");
        long ms = 0;
        int n = 1;
        while (out.length() < size) {
            long end = ms + 1500 + random.nextInt(4000);
            out.append("6b1f3c4e-1b2a-4a0e-9a77-0f1c2d3e4f50/").append(n++).append("-0\n").append(clock(ms, '.'))
                    .append(" --> ").append(clock(end, '.')).append("\n<v ").append(NAMES[random.nextInt(NAMES.length)])
                    .append('>').append(sentence()).append("</v>\n\n");
            ms = end + random.nextInt(500);
        }
        return out.toString();
    }

    /** Harmony's native JSON, pretty-printed as an export would be. */
    String harmonyJson(int size) {
        StringBuilder out = new StringBuilder(size + 256).append("{\n  \"participants\": [\n");
        for (int i = 0; i < NAMES.length; i++) {
            out.append("    {\"id\": \"p").append(i + 1).append("\", \"name\": \"").append(NAMES[i])
                    .append("\", \"email\": \"p").append(i + 1).append("@example.com\", \"kind\": \"")
                    .append(i == 0 ? "user" : "contact").append("\"}").append(i + 1 < NAMES.length ? ",\n" : "\n");
        }
        out.append("  ],\n  \"turns\": [\n");
        long ms = 0;
        boolean first = true;
        while (out.length() < size) {
            long end = ms + 1500 + random.nextInt(8000);
            out.append(first ? "" : ",\n").append("    {\"speaker\": \"p").append(1 + random.nextInt(NAMES.length))
                    .append("\", \"startMs\": ").append(ms).append(", \"endMs\": ").append(end).append(", \"text\": \"")
                    .append(sentence()).append("\"}");
            first = false;
            ms = end + random.nextInt(500);
        }
        return out.append("\n  ]\n}\n").toString();
    }

    /** Deepgram's diarized words: the heaviest vendor shape, one object per word. */
    String deepgramWordsJson(int size) {
        StringBuilder out = new StringBuilder(size + 256)
                .append("{\"metadata\":{\"request_id\":\"bench\",\"channels\":1},\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"\",\"confidence\":0.98,\"words\":[");
        double t = 0;
        int speaker = 0;
        boolean first = true;
        while (out.length() < size) {
            if (random.nextInt(30) == 0) {
                speaker = random.nextInt(3);
            }
            String w = WORDS[random.nextInt(WORDS.length)];
            double end = t + 0.1 + random.nextInt(40) / 100.0;
            out.append(first ? "" : ",").append(String.format(
                    "{\"word\":\"%s\",\"start\":%.2f,\"end\":%.2f,\"confidence\":0.97,\"speaker\":%d,\"speaker_confidence\":0.8,\"punctuated_word\":\"%s\"}",
                    w, t, end, speaker, w));
            first = false;
            t = end;
        }
        return out.append("]}]}]}}").toString();
    }
}
