package harmony.adapters.speech.diarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups speech segments by voice, finding the number of speakers itself: agglomerative clustering
 * (average linkage, cosine distance on standardised voice prints) of the longer segments, stopped at a distance
 * threshold within the min/max speaker bounds; then every segment joins its nearest cluster, refined a few
 * rounds, and clusters with too little speech fold into their nearest neighbour.
 */
public final class SpeakerClustering {

    /**
     * {@code threshold}: the silhouette a split into speakers must beat, else there is one speaker;
     * {@code maxSpeakers} 0 = up to 8, found automatically.
     */
    public record Settings(double threshold, int minSpeakers, int maxSpeakers, double minCoreSeconds,
                           double minSpeakerShare, int maxCoreSegments) {
        public static final Settings DEFAULT = new Settings(0.25, 1, 0, 1.0, 0.04, 400);

        public Settings withSpeakerBounds(int min, int max) {
            return new Settings(threshold, Math.max(1, min), max, minCoreSeconds, minSpeakerShare, maxCoreSegments);
        }

        public Settings withThreshold(double t) {
            return new Settings(t, minSpeakers, maxSpeakers, minCoreSeconds, minSpeakerShare, maxCoreSegments);
        }
    }

    private final Settings settings;

    public SpeakerClustering(Settings settings) {
        this.settings = settings;
    }

    /**
     * A cluster index for each segment, numbered 0.. in order of first appearance (the segments are taken to be
     * in time order). {@code seconds} weighs each segment by its length.
     */
    public int[] cluster(List<float[]> embeddings, double[] seconds) {
        int n = embeddings.size();
        if (n == 0) {
            return new int[0];
        }
        double[][] x = normalise(embeddings, seconds);
        Integer[] byLength = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -seconds[i])).toArray(Integer[]::new);
        List<Integer> core = new ArrayList<>();
        for (Integer i : byLength) {
            if (seconds[i] >= settings.minCoreSeconds() && core.size() < settings.maxCoreSegments()) {
                core.add(i);
            }
        }
        if (core.size() < 2) {
            core = new ArrayList<>(Arrays.asList(byLength).subList(0, Math.min(n, settings.maxCoreSegments())));
        }
        int[] coreLabels = agglomerate(x, seconds, core);
        int k = Arrays.stream(coreLabels).max().orElse(0) + 1;
        double[][] centroids = centroids(x, seconds, core.stream().mapToInt(Integer::intValue).toArray(), coreLabels, k);
        int[] labels = new int[n];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < n; i++) {
                labels[i] = nearest(centroids, x[i]);
            }
            centroids = centroids(x, seconds, IntStream.range(0, n).toArray(), labels, k);
        }
        labels = foldSmallClusters(x, seconds, labels, k);
        return renumberByAppearance(labels);
    }

    /**
     * Average-linkage merges of the core segments, then the cut (number of speakers) with the best silhouette
     * within the bounds; one speaker when no cut separates the voices clearly.
     */
    private int[] agglomerate(double[][] x, double[] seconds, List<Integer> core) {
        int m = core.size();
        double[][] d = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                d[a][b] = d[b][a] = 1 - dot(x[core.get(a)], x[core.get(b)]);
            }
        }
        double[][] distances = new double[m][];
        for (int a = 0; a < m; a++) {
            distances[a] = d[a].clone();
        }
        int[] size = new int[m];
        Arrays.fill(size, 1);
        boolean[] alive = new boolean[m];
        Arrays.fill(alive, true);
        int[][] merges = new int[Math.max(0, m - 1)][];
        for (int step = 0; step < m - 1; step++) {
            int bestA = -1, bestB = -1;
            double best = Double.MAX_VALUE;
            for (int a = 0; a < m; a++) {
                if (!alive[a]) {
                    continue;
                }
                for (int b = a + 1; b < m; b++) {
                    if (alive[b] && d[a][b] < best) {
                        best = d[a][b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            for (int c = 0; c < m; c++) { // average linkage (Lance-Williams)
                if (alive[c] && c != bestA && c != bestB) {
                    double merged = (d[bestA][c] * size[bestA] + d[bestB][c] * size[bestB]) / (size[bestA] + size[bestB]);
                    d[bestA][c] = d[c][bestA] = merged;
                }
            }
            size[bestA] += size[bestB];
            alive[bestB] = false;
            merges[step] = new int[] {bestA, bestB};
        }
        int min = Math.max(1, settings.minSpeakers());
        int max = Math.min(m, settings.maxSpeakers() > 0 ? settings.maxSpeakers() : MAX_AUTOMATIC_SPEAKERS);
        int[] best = cut(merges, m, Math.min(max, Math.max(min, 1)));
        double bestScore = min > 1 ? silhouette(distances, best) : settings.threshold();
        for (int k = Math.max(2, min); k <= max; k++) {
            int[] labels = cut(merges, m, k);
            double score = silhouette(distances, labels);
            if (score > bestScore) {
                bestScore = score;
                best = labels;
            }
        }
        return best;
    }

    private static final int MAX_AUTOMATIC_SPEAKERS = 8;

    /** The clusters left after replaying merges until {@code k} remain, numbered 0..k-1. */
    private static int[] cut(int[][] merges, int m, int k) {
        int[] parent = java.util.stream.IntStream.range(0, m).toArray();
        for (int step = 0; step < m - k; step++) {
            int a = find(parent, merges[step][0]);
            int b = find(parent, merges[step][1]);
            parent[b] = a;
        }
        int[] ids = new int[m];
        Arrays.fill(ids, -1);
        int[] labels = new int[m];
        int next = 0;
        for (int i = 0; i < m; i++) {
            int root = find(parent, i);
            if (ids[root] < 0) {
                ids[root] = next++;
            }
            labels[i] = ids[root];
        }
        return labels;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Mean silhouette: how much closer each segment is to its own cluster than to the nearest other one. */
    private static double silhouette(double[][] d, int[] labels) {
        int m = labels.length;
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        if (k < 2) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    sum[labels[j]] += d[i][j];
                    count[labels[j]]++;
                }
            }
            if (count[labels[i]] == 0) {
                continue; // a singleton scores 0
            }
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != labels[i] && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / m;
    }

    private int[] foldSmallClusters(double[][] x, double[] seconds, int[] labels, int k) {
        double total = Arrays.stream(seconds).sum();
        boolean[] kept = new boolean[k];
        double[] share = new double[k];
        for (int i = 0; i < labels.length; i++) {
            share[labels[i]] += seconds[i] / total;
        }
        int keptCount = 0;
        for (int c = 0; c < k; c++) {
            kept[c] = share[c] >= settings.minSpeakerShare();
            keptCount += kept[c] ? 1 : 0;
        }
        if (keptCount == 0 || keptCount == k || keptCount < settings.minSpeakers()) {
            return labels;
        }
        double[][] centroids = centroids(x, seconds, IntStream.range(0, labels.length).toArray(), labels, k);
        for (int c = 0; c < k; c++) {
            if (!kept[c]) {
                centroids[c] = null;
            }
        }
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (!kept[out[i]]) {
                out[i] = nearest(centroids, x[i]);
            }
        }
        return out;
    }

    private static double[][] normalise(List<float[]> embeddings, double[] seconds) {
        int n = embeddings.size();
        int dims = embeddings.get(0).length;
        double[] mean = new double[dims];
        double[] var = new double[dims];
        double weight = 0;
        for (int i = 0; i < n; i++) {
            double w = Math.max(seconds[i], 1e-3);
            weight += w;
            for (int d = 0; d < dims; d++) {
                mean[d] += w * embeddings.get(i)[d];
            }
        }
        for (int d = 0; d < dims; d++) {
            mean[d] /= weight;
        }
        for (int i = 0; i < n; i++) {
            double w = Math.max(seconds[i], 1e-3);
            for (int d = 0; d < dims; d++) {
                double v = embeddings.get(i)[d] - mean[d];
                var[d] += w * v * v;
            }
        }
        double[][] x = new double[n][dims];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                double sd = Math.sqrt(var[d] / weight);
                x[i][d] = sd > 1e-9 ? (embeddings.get(i)[d] - mean[d]) / sd : 0;
            }
            double norm = Math.sqrt(dot(x[i], x[i]));
            if (norm > 0) {
                for (int d = 0; d < dims; d++) {
                    x[i][d] /= norm;
                }
            }
        }
        return x;
    }

    private static double[][] centroids(double[][] x, double[] seconds, int[] members, int[] labels, int k) {
        double[][] c = new double[k][x[0].length];
        for (int j = 0; j < members.length; j++) {
            double[] v = x[members[j]];
            double w = Math.max(seconds[members[j]], 1e-3);
            for (int d = 0; d < v.length; d++) {
                c[labels[j]][d] += w * v[d];
            }
        }
        for (double[] centroid : c) {
            double norm = Math.sqrt(dot(centroid, centroid));
            if (norm > 0) {
                for (int d = 0; d < centroid.length; d++) {
                    centroid[d] /= norm;
                }
            }
        }
        return c;
    }

    private static int nearest(double[][] centroids, double[] v) {
        int best = 0;
        double bestSim = -Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            if (centroids[c] == null) {
                continue;
            }
            double s = dot(centroids[c], v);
            if (s > bestSim) {
                bestSim = s;
                best = c;
            }
        }
        return best;
    }

    private static int[] renumberByAppearance(int[] labels) {
        int max = Arrays.stream(labels).max().orElse(0);
        int[] ids = new int[max + 1];
        Arrays.fill(ids, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (ids[labels[i]] < 0) {
                ids[labels[i]] = next++;
            }
            out[i] = ids[labels[i]];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
