package harmony.adapters.speech.diarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeakerClusteringTest {
    private final Random random = new Random(11);

    @Test
    void findsTheNumberOfVoicesAndLabelsThemInOrderOfAppearance() {
        float[][] centres = {centre(), centre(), centre()};
        int[] truth = {0, 1, 2, 0, 1, 2, 1, 0, 2, 2, 0, 1, 0, 1};
        int[] labels = new SpeakerClustering(SpeakerClustering.Settings.DEFAULT).cluster(points(centres, truth), seconds(truth.length));
        assertThat(labels).containsExactly(truth);
    }

    @Test
    void oneVoiceIsOneSpeaker() {
        int[] truth = new int[12];
        int[] labels = new SpeakerClustering(SpeakerClustering.Settings.DEFAULT).cluster(points(new float[][] {centre()}, truth), seconds(12));
        assertThat(labels).containsOnly(0);
    }

    @Test
    void speakerBoundsWin() {
        float[][] centres = {centre(), centre(), centre()};
        int[] truth = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        int[] two = new SpeakerClustering(SpeakerClustering.Settings.DEFAULT.withSpeakerBounds(1, 2))
                .cluster(points(centres, truth), seconds(truth.length));
        assertThat(two).containsOnly(0, 1);
        int[] four = new SpeakerClustering(SpeakerClustering.Settings.DEFAULT.withSpeakerBounds(4, 4))
                .cluster(points(centres, truth), seconds(truth.length));
        assertThat(java.util.Arrays.stream(four).distinct().count()).isEqualTo(4);
    }

    private float[] centre() {
        float[] c = new float[38];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) (random.nextGaussian() * 3);
        }
        return c;
    }

    private List<float[]> points(float[][] centres, int[] truth) {
        List<float[]> out = new ArrayList<>();
        for (int t : truth) {
            float[] p = centres[t].clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += (float) (random.nextGaussian() * 0.5);
            }
            out.add(p);
        }
        return out;
    }

    private static double[] seconds(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 2.5);
        return s;
    }
}
