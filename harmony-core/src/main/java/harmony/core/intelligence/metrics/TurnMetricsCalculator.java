package harmony.core.intelligence.metrics;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Side;
import harmony.core.intelligence.SpeakerResolver;
import harmony.core.intelligence.text.Document;
import harmony.core.intelligence.text.Sentence;
import harmony.core.intelligence.text.TimedTurn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default metrics, from turn times and words. A turn of two words or fewer by someone else
 * ("Okay.", "Right.") is a back-channel: it does not end the current speaker's monologue and does
 * not count as a speaker switch.
 */
public final class TurnMetricsCalculator implements MetricsCalculator {
    private static final int BACK_CHANNEL_MAX_WORDS = 2;
    private static final Set<String> FILLERS = Set.of("um", "umm", "uh", "uhh", "erm", "er", "ah", "hmm", "mm", "basically",
            "literally");
    private static final Set<String> FILLER_PAIRS = Set.of("you know", "i mean", "sort of", "kind of");
    private static final Set<String> PAIR_STARTS = Set.of("you", "i", "sort", "kind");

    @Override
    public Metrics measure(ConversationContext ctx) {
        Document doc = ctx.document();
        SpeakerResolver names = ctx.speakers();
        List<TimedTurn> turns = doc.turns();
        long duration = doc.durationMs();
        double minutes = duration / 60_000.0;

        Map<String, long[]> perSpeaker = new LinkedHashMap<>(); // talkMs, words, turns, longestMs, questions, fillers
        for (TimedTurn t : turns) {
            long[] a = perSpeaker.computeIfAbsent(t.speaker(), k -> new long[6]);
            a[0] += t.durationMs();
            a[1] += t.words();
            a[2]++;
        }
        for (Sentence s : doc.sentences()) {
            long[] a = perSpeaker.get(s.speaker());
            if (s.isQuestion()) {
                a[4]++;
            }
            a[5] += fillers(s.tokens().lower());
        }

        // Monologues: runs of one speaker, bridging back-channels by others.
        List<Monologue> monologues = new ArrayList<>();
        int switches = 0;
        String current = null;
        long runStart = 0;
        long runEnd = 0;
        String lastSubstantive = null;
        for (TimedTurn t : turns) {
            boolean backChannel = t.words() <= BACK_CHANNEL_MAX_WORDS && current != null && !t.speaker().equals(current);
            if (backChannel) {
                continue;
            }
            if (lastSubstantive != null && !lastSubstantive.equals(t.speaker())) {
                switches++;
            }
            lastSubstantive = t.speaker();
            if (t.speaker().equals(current)) {
                runEnd = Math.max(runEnd, t.endMs());
            } else {
                if (current != null) {
                    monologues.add(new Monologue(current, names.displayName(current), runStart, runEnd - runStart));
                }
                current = t.speaker();
                runStart = t.startMs();
                runEnd = t.endMs();
            }
        }
        if (current != null) {
            monologues.add(new Monologue(current, names.displayName(current), runStart, runEnd - runStart));
        }
        Monologue longest = null;
        Monologue longestStory = null;
        for (Monologue m : monologues) {
            long[] a = perSpeaker.get(m.speaker());
            a[3] = Math.max(a[3], m.durationMs());
            if (longest == null || m.durationMs() > longest.durationMs()) {
                longest = m;
            }
            if (names.side(m.speaker()) == Side.EXTERNAL
                    && (longestStory == null || m.durationMs() > longestStory.durationMs())) {
                longestStory = m;
            }
        }

        // Patience: the pause before a reply, for the internal side when sides are known.
        boolean sidesKnown = perSpeaker.keySet().stream().anyMatch(l -> names.side(l) == Side.INTERNAL);
        long pauseSum = 0;
        int replies = 0;
        for (int i = 1; i < turns.size(); i++) {
            TimedTurn prev = turns.get(i - 1);
            TimedTurn t = turns.get(i);
            if (t.speaker().equals(prev.speaker())) {
                continue;
            }
            if (sidesKnown && (names.side(t.speaker()) != Side.INTERNAL || names.side(prev.speaker()) == Side.INTERNAL)) {
                continue;
            }
            pauseSum += Math.max(0, t.startMs() - prev.endMs());
            replies++;
        }
        Double patience = !doc.timed() || replies == 0 ? null : pauseSum / (double) replies;

        long totalTalk = perSpeaker.values().stream().mapToLong(a -> a[0]).sum();
        long internalTalk = 0;
        long externalTalk = 0;
        boolean anyInternal = false;
        boolean anyExternal = false;
        int qInternal = 0;
        int qExternal = 0;
        int qTotal = 0;
        int fillerTotal = 0;
        List<SpeakerMetrics> speakers = new ArrayList<>();
        for (Map.Entry<String, long[]> e : perSpeaker.entrySet()) {
            long[] a = e.getValue();
            Side side = names.side(e.getKey());
            if (side == Side.INTERNAL) {
                anyInternal = true;
                internalTalk += a[0];
                qInternal += (int) a[4];
            } else if (side == Side.EXTERNAL) {
                anyExternal = true;
                externalTalk += a[0];
                qExternal += (int) a[4];
            }
            qTotal += (int) a[4];
            fillerTotal += (int) a[5];
            double wpm = a[0] > 0 ? a[1] / (a[0] / 60_000.0) : 0;
            speakers.add(new SpeakerMetrics(e.getKey(), names.displayName(e.getKey()), side, a[0],
                    ratio(a[0], totalTalk), (int) a[1], (int) a[2], a[3], (int) a[4], round(wpm), (int) a[5]));
        }
        int words = doc.wordCount();
        return new Metrics(duration, !doc.timed(), words, turns.size(), perSpeaker.size(),
                anyInternal ? ratio(internalTalk, totalTalk) : null, anyExternal ? ratio(externalTalk, totalTalk) : null,
                longest, longestStory,
                minutes > 0 ? round(switches / minutes) : 0, patience,
                qInternal, qExternal, qTotal,
                totalTalk > 0 ? round(words / (totalTalk / 60_000.0)) : 0,
                fillerTotal, words > 0 ? round(fillerTotal * 100.0 / words) : 0,
                speakers);
    }

    private static int fillers(String[] lower) {
        int n = 0;
        for (int i = 0; i < lower.length; i++) {
            if (FILLERS.contains(lower[i])) {
                n++;
            } else if (i + 1 < lower.length && PAIR_STARTS.contains(lower[i]) && FILLER_PAIRS.contains(lower[i] + " " + lower[i + 1])) {
                n++;
                i++;
            }
        }
        return n;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
