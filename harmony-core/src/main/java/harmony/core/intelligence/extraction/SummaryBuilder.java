package harmony.core.intelligence.extraction;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.text.Sentence;
import harmony.core.intelligence.text.StopWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An extractive summary: sentences ranked by how much of the conversation's vocabulary they carry
 * (frequent content words, numbers, commitments), the best kept in their original order. The
 * number kept grows with the meeting: 3 for a short call, up to 12 for a long one.
 */
final class SummaryBuilder {
    private static final int MIN_SENTENCES = 3;
    private static final int MAX_SENTENCES = 12;
    private static final int WORDS_PER_SUMMARY_SENTENCE = 250;
    private static final int TOPICS = 6;

    static Summary build(ConversationContext ctx, Set<Integer> actionSentences) {
        List<Sentence> sentences = ctx.document().sentences();
        if (sentences.isEmpty()) {
            return Summary.EMPTY;
        }
        Map<String, Integer> freq = new HashMap<>();
        boolean[][] content = new boolean[sentences.size()][];
        for (Sentence s : sentences) {
            boolean[] c = new boolean[s.stems().length];
            for (int i = 0; i < c.length; i++) {
                c[i] = isContent(s.tokens().lower()[i]);
                if (c[i]) {
                    freq.merge(s.stems()[i], 1, Integer::sum);
                }
            }
            content[s.index()] = c;
        }
        int wanted = Math.max(MIN_SENTENCES, Math.min(MAX_SENTENCES,
                2 + ctx.document().wordCount() / WORDS_PER_SUMMARY_SENTENCE));
        List<double[]> scored = new ArrayList<>();
        for (Sentence s : sentences) {
            if (s.wordCount() < 6) {
                continue;
            }
            double score = 0;
            Set<String> seen = new HashSet<>();
            int contentWords = 0;
            boolean[] isContent = content[s.index()];
            for (int i = 0; i < s.stems().length; i++) {
                String lower = s.tokens().lower()[i];
                if (isContent[i]) {
                    contentWords++;
                    if (seen.add(s.stems()[i])) {
                        score += Math.log1p(freq.getOrDefault(s.stems()[i], 0));
                    }
                    if (Character.isDigit(lower.charAt(0))) {
                        score += 0.5;
                    }
                }
            }
            if (contentWords == 0) {
                continue;
            }
            score /= Math.sqrt(s.wordCount());
            if (actionSentences.contains(s.index())) {
                score *= 1.3;
            }
            if (s.isQuestion()) {
                score *= 0.7;
            }
            scored.add(new double[] {s.index(), score});
        }
        scored.sort(Comparator.comparingDouble((double[] a) -> -a[1]));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < scored.size() && keep.size() < wanted; i++) {
            keep.add((int) scored.get(i)[0]);
        }
        keep.sort(Integer::compare);
        StringBuilder text = new StringBuilder();
        List<Evidence> key = new ArrayList<>();
        for (int i : keep) {
            Sentence s = sentences.get(i);
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(s.text());
            key.add(ctx.evidence(s.speaker(), s.startMs(), s.text()));
        }
        List<String> topStems = freq.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOPICS)
                .map(Map.Entry::getKey)
                .toList();
        // each topic is shown in its most frequent spelling
        Map<String, Map<String, Integer>> surface = new HashMap<>();
        for (String stem : topStems) {
            surface.put(stem, new HashMap<>());
        }
        for (Sentence s : sentences) {
            for (int i = 0; i < s.stems().length; i++) {
                Map<String, Integer> forms = surface.get(s.stems()[i]);
                if (forms != null && content[s.index()][i]) {
                    forms.merge(s.tokens().lower()[i], 1, Integer::sum);
                }
            }
        }
        List<String> topics = topStems.stream()
                .map(stem -> surface.get(stem).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .toList();
        return new Summary(text.toString(), key, topics);
    }

    /** Words of three letters or more that are not stop words, and numbers of two digits or more. */
    private static boolean isContent(String lower) {
        if (Character.isDigit(lower.charAt(0))) {
            return lower.length() >= 2;
        }
        return lower.length() > 2 && !StopWords.contains(lower);
    }

    private SummaryBuilder() {
    }
}
