package harmony.adapters.speech.asr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom vocabulary: favours the tokens that spell one of the given phrases. Once the words decoded so far
 * end with the start of a phrase, the tokens that continue it get {@code boost} added to their score;
 * the tokens that could start a phrase get half as much, so a phrase is only taken where the audio supports it.
 */
public final class PhraseBoost implements TokenBias {
    private static final int LOOKBACK = 16;
    /** Starting a phrase needs more evidence than continuing one: more than this share of the boost derails decoding. */
    private static final float START_SHARE = 0.5f;

    private final Vocabulary vocabulary;
    private final List<String> targets;
    private final Map<String, Integer> ids = new HashMap<>();
    private final float boost;

    public PhraseBoost(Vocabulary vocabulary, List<String> phrases, double boost) {
        this.vocabulary = vocabulary;
        this.targets = phrases.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> Vocabulary.SPACE + p.replaceAll("\\s+", String.valueOf(Vocabulary.SPACE))).toList();
        this.boost = (float) boost;
        for (int id = 3; id < vocabulary.size(); id++) {
            ids.putIfAbsent(vocabulary.piece(id), id);
        }
    }

    @Override
    public void apply(int[] tokens, int length, float[] logits) {
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, length - LOOKBACK); i < length; i++) {
            String piece = vocabulary.piece(tokens[i]);
            if (piece != null) {
                tail.append(piece);
            }
        }
        for (String target : targets) {
            boostContinuations(target, boost * START_SHARE, logits); // a phrase may start at any word
            for (int start = tail.indexOf(String.valueOf(Vocabulary.SPACE)); start >= 0;
                 start = tail.indexOf(String.valueOf(Vocabulary.SPACE), start + 1)) {
                int matched = tail.length() - start;
                if (matched < target.length() && target.startsWith(tail.substring(start))) {
                    boostContinuations(target.substring(matched), boost, logits);
                }
            }
        }
    }

    private void boostContinuations(String remainder, float amount, float[] logits) {
        int first = remainder.charAt(0) == Vocabulary.SPACE ? 2 : 1; // a bare word break is no evidence of a phrase
        for (int end = first; end <= remainder.length(); end++) {
            Integer id = ids.get(remainder.substring(0, end));
            if (id != null && id < logits.length) {
                logits[id] += amount;
            }
        }
    }
}
