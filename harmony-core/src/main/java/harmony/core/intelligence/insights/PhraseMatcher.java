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
        // Each pattern is tried only in the sentences that hold its first word.
        java.util.Map<String, BitSet> index = ctx.document().wordIndex();
        List<Sentence> sentences = ctx.document().sentences();
        BitSet hit = new BitSet();
        for (Pattern p : patterns) {
            BitSet where = new BitSet();
            if (p.prefix()[0]) {
                index.forEach((word, in) -> {
                    if (word.startsWith(p.words()[0])) {
                        where.or(in);
                    }
                });
            } else {
                BitSet in = index.get(p.words()[0]);
                if (in != null) {
                    where.or(in);
                }
            }
            where.andNot(hit);
            for (int i = where.nextSetBit(0); i >= 0; i = where.nextSetBit(i + 1)) {
                Sentence s = sentences.get(i);
                if (ctx.speakers().side(s.speaker()).matches(tracker.side())
                        && matches(p, stem ? s.stems() : s.tokens().lower(), s.tokens().lower())) {
                    hit.set(i);
                }
            }
        }
        List<Evidence> out = new ArrayList<>();
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
            Sentence s = sentences.get(i);
            out.add(ctx.evidence(s.speaker(), s.startMs(), s.text()));
        }
        return out;
    }

    private static boolean matches(Pattern p, String[] text, String[] raw) {
        int n = p.words().length;
        for (int i = 0; i + n <= text.length; i++) {
            boolean ok = true;
            for (int k = 0; k < n && ok; k++) {
                String w = p.words()[k];
                ok = p.prefix()[k] ? raw[i + k].startsWith(w) : text[i + k].equals(w) || raw[i + k].equals(w);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private PhraseMatcher() {
    }
}
