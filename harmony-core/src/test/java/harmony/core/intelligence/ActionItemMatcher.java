package harmony.core.intelligence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches extracted action items to gold ones the way the speech eval's scorer does
 * ({@code /work/shared/eval/score.py}): an item is found when the extracted text holds at least half
 * of the gold text's content words (stop words and the owner's name left out, light stemming, a word
 * of 4+ letters matching any word it is a prefix of); matching is one-to-one, best pairs first.
 */
final class ActionItemMatcher {
    private static final Set<String> STOP = Set.of(("a an the to of for and or by on in at with from into about will shall would should "
            + "can could be is are was were been being it its this that these those their them they he she his her him we our us "
            + "you your i me my mine please also then than as so up out over next same all any do does did done make sure get "
            + "gets got").split(" "));
    private static final Map<String, String> ABBR = Map.of("mon", "monday", "tue", "tuesday", "wed", "wednesday",
            "thu", "thursday", "fri", "friday", "eod", "end", "asap", "soon", "info", "information");

    record Pair(int gold, int hyp, double recall) {
    }

    static List<Pair> match(List<String> goldTexts, List<String> goldOwners, List<String> hypTexts) {
        List<Set<String>> g = new ArrayList<>();
        for (int i = 0; i < goldTexts.size(); i++) {
            g.add(content(goldTexts.get(i), goldOwners.get(i)));
        }
        List<Set<String>> h = hypTexts.stream().map(t -> content(t, "")).toList();
        List<double[]> cands = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < h.size(); j++) {
                if (g.get(i).isEmpty()) {
                    continue;
                }
                int inter = 0;
                for (String t : g.get(i)) {
                    if (tokenMatch(t, h.get(j))) {
                        inter++;
                    }
                }
                double rec = inter / (double) g.get(i).size();
                double dice = h.get(j).isEmpty() ? 0 : 2.0 * inter / (g.get(i).size() + h.get(j).size());
                if (rec >= 0.5) {
                    cands.add(new double[] {rec, dice, i, j});
                }
            }
        }
        cands.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(b[1], a[1]));
        Set<Integer> usedG = new HashSet<>();
        Set<Integer> usedH = new HashSet<>();
        List<Pair> out = new ArrayList<>();
        for (double[] c : cands) {
            int i = (int) c[2];
            int j = (int) c[3];
            if (usedG.add(i)) {
                if (usedH.add(j)) {
                    out.add(new Pair(i, j, c[0]));
                } else {
                    usedG.remove(i);
                }
            }
        }
        return out;
    }

    private static boolean tokenMatch(String p, Set<String> hs) {
        if (hs.contains(p)) {
            return true;
        }
        for (String x : hs) {
            String a = p.length() <= x.length() ? p : x;
            String b = p.length() <= x.length() ? x : p;
            if (a.length() >= 4 && b.startsWith(a)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> content(String text, String owner) {
        Set<String> drop = new HashSet<>();
        for (String o : owner.toLowerCase(Locale.ROOT).split("\\s+")) {
            drop.add(o);
        }
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^a-z0-9']+")) {
            if (w.isEmpty() || STOP.contains(w) || drop.contains(w)) {
                continue;
            }
            String s = stem(w);
            if (!STOP.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String stem(String word) {
        String w = ABBR.getOrDefault(word, word);
        for (String suf : new String[] {"ing", "ed", "es", "s"}) {
            if (w.endsWith(suf) && w.length() - suf.length() >= 3) {
                w = w.substring(0, w.length() - suf.length());
                break;
            }
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private ActionItemMatcher() {
    }
}
