package harmony.core.intelligence.insights;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.rules.PhraseTracker;
import harmony.core.intelligence.text.Sentence;
import harmony.core.intelligence.text.Stemmer;
import harmony.core.intelligence.text.Tokens;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds a {@link PhraseTracker}'s phrases in a transcript, token by token (so matches fall on word
 * boundaries: "price" never matches inside "caprice"). One hit per sentence, with the sentence as
 * the quote.
 */
public final class PhraseMatcher {

    private record Pattern(String[] words, boolean[] prefix) {
    }

    public static List<Evidence> hits(ConversationContext ctx, PhraseTracker tracker) {
        boolean stem = Boolean.TRUE.equals(tracker.stemming());
        List<Pattern> patterns = new ArrayList<>();
        for (String phrase : tracker.phrases()) {
            Tokens t = Tokens.of(phrase.strip());
            if (t.size() == 0) {
                continue;
            }
            String[] words = new String[t.size()];
            boolean[] prefix = new boolean[t.size()];
            for (int i = 0; i < t.size(); i++) {
                String w = t.lower()[i];
                prefix[i] = t.ends()[i] < phrase.strip().length() && phrase.strip().charAt(t.ends()[i]) == '*';
                words[i] = stem && !prefix[i] ? Stemmer.stem(w) : w;
            }
            patterns.add(new Pattern(words, prefix));
        }
        // Only sentences holding some pattern's first word can match.
        java.util.Map<String, BitSet> index = ctx.document().wordIndex();
        BitSet candidates = new BitSet();
        for (Pattern p : patterns) {
            if (p.prefix()[0]) {
                index.forEach((word, where) -> {
                    if (word.startsWith(p.words()[0])) {
                        candidates.or(where);
                    }
                });
            } else {
                BitSet where = index.get(p.words()[0]);
                if (where != null) {
                    candidates.or(where);
                }
            }
        }
        List<Evidence> out = new ArrayList<>();
        List<Sentence> sentences = ctx.document().sentences();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Sentence s = sentences.get(i);
            if (!ctx.speakers().side(s.speaker()).matches(tracker.side())) {
                continue;
            }
            String[] text = stem ? s.stems() : s.tokens().lower();
            String[] raw = s.tokens().lower();
            if (matchesAny(patterns, text, raw)) {
                out.add(ctx.evidence(s.speaker(), s.startMs(), s.text()));
            }
        }
        return out;
    }

    private static boolean matchesAny(List<Pattern> patterns, String[] text, String[] raw) {
        for (Pattern p : patterns) {
            int n = p.words().length;
            for (int i = 0; i + n <= text.length; i++) {
                boolean ok = true;
                for (int k = 0; k < n && ok; k++) {
                    ok = p.prefix()[k] ? raw[i + k].startsWith(p.words()[k]) : text[i + k].equals(p.words()[k])
                            || raw[i + k].equals(p.words()[k].toLowerCase(Locale.ROOT));
                }
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }

    private PhraseMatcher() {
    }
}
