package harmony.adapters.speech;

import static org.assertj.core.api.Assertions.assertThat;

import harmony.core.domain.Turn;
import harmony.core.port.out.Transcriber.Transcription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speakers told apart on espeak-ng voices: by channel in stereo, by voice print otherwise. */
class DiarizationTest {
    static final String[] VOICE_C = {"-v", "en-gb-scotland+m1", "-p", "35", "-s", "142"};
    static final String[] LINES = {
            "Good morning everyone, let us look at the budget for the next quarter.",
            "I think we should move the launch to the second week of March.",
            "The vendor sent the new contract yesterday and it looks fine to me.",
            "Can you send me the numbers for the marketing campaign by Friday?",
            "We still need approval from finance before we sign anything.",
            "Sure, I will ask the team to prepare a short summary this afternoon."};

    static SpeechTranscriber transcriber;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        Tools.models();
        Tools.requireCommands("espeak-ng", "sox");
        transcriber = SpeechTranscriber.withDefaults();
    }

    @AfterAll
    static void close() throws Exception {
        if (transcriber != null) {
            transcriber.close();
        }
    }

    @Test
    void twoVoicesAlternatingAreTwoSpeakers() throws Exception {
        List<String[]> voices = List.of(Tools.VOICE_A, Tools.VOICE_B, Tools.VOICE_A, Tools.VOICE_B, Tools.VOICE_A, Tools.VOICE_B);
        Transcription result = transcribe(conversation("two", voices));
        assertThat(result.transcript().speakers()).hasSize(2);
        assertThat(result.transcript().turns()).extracting(Turn::speaker).containsExactly("S1", "S2", "S1", "S2", "S1", "S2");
    }

    @Test
    void threeVoicesAreThreeSpeakers() throws Exception {
        List<String[]> voices = List.of(Tools.VOICE_A, Tools.VOICE_B, VOICE_C, Tools.VOICE_A, Tools.VOICE_B, VOICE_C);
        Transcription result = transcribe(conversation("three", voices));
        assertThat(result.transcript().speakers()).hasSize(3);
        assertThat(result.transcript().turns()).extracting(Turn::speaker).containsExactly("S1", "S2", "S3", "S1", "S2", "S3");
    }

    @Test
    void aSpeakerBoundIsHonoured() throws Exception {
        List<String[]> voices = List.of(Tools.VOICE_A, Tools.VOICE_B, Tools.VOICE_A, Tools.VOICE_B);
        try (SpeechTranscriber oneSpeaker = new SpeechTranscriber(SpeechSettings.defaults().withSpeakers(1, 1))) {
            Transcription result = oneSpeaker.transcribe(
                    new TestMedia(Wav.write(dir.resolve("bounded.wav"), conversation("bounded", voices)), "audio/vnd.wave"), p -> { });
            assertThat(result.transcript().speakers()).hasSize(1);
            assertThat(result.transcript().turns()).hasSize(1);
        }
    }

    @Test
    void stereoWithOnePartyPerChannelIsOneSpeakerPerChannel() throws Exception {
        // the same voice on both channels: only the channel can tell the parties apart
        float[] first = Tools.read(Tools.speak(dir, "left", LINES[0], Tools.VOICE_A));
        float[] second = Tools.read(Tools.speak(dir, "right", LINES[1], Tools.VOICE_A));
        float[] third = Tools.read(Tools.speak(dir, "left2", LINES[2], Tools.VOICE_A));
        float[] gap = Wav.silence(0.8);
        float[] left = Wav.concat(gap, first, gap, Wav.silence(second.length / 16_000.0), gap, third, gap);
        float[] right = Wav.concat(gap, Wav.silence(first.length / 16_000.0), gap, second, gap, Wav.silence(third.length / 16_000.0), gap);
        // each channel also carries the other party 26 dB down, as call recorders pick it up
        float[] leftWithCrosstalk = left.clone();
        float[] rightWithCrosstalk = right.clone();
        for (int i = 0; i < left.length; i++) {
            leftWithCrosstalk[i] += 0.05f * right[i];
            rightWithCrosstalk[i] += 0.05f * left[i];
        }
        Path stereo = Wav.write(dir.resolve("stereo.wav"), leftWithCrosstalk, rightWithCrosstalk);

        Transcription result = transcriber.transcribe(new TestMedia(stereo, "audio/vnd.wave"), p -> { });

        assertThat(result.transcript().turns()).extracting(Turn::speaker).containsExactly("S1", "S2", "S1");
        assertThat(result.transcript().turns().get(1).text()).containsIgnoringCase("second week");
        assertThat(result.transcript().turns().get(0).text()).doesNotContainIgnoringCase("second week");
    }

    private Transcription transcribe(float[] audio) throws Exception {
        Path file = Wav.write(dir.resolve("conversation-" + System.nanoTime() + ".wav"), audio);
        return transcriber.transcribe(new TestMedia(file, "audio/vnd.wave"), p -> { });
    }

    /** Line i spoken by voice i, 0.8 s apart. */
    private static float[] conversation(String name, List<String[]> voices) throws Exception {
        List<float[]> parts = new ArrayList<>();
        parts.add(Wav.silence(0.5));
        for (int i = 0; i < voices.size(); i++) {
            parts.add(Tools.read(Tools.speak(dir, name + i, LINES[i], voices.get(i))));
            parts.add(Wav.silence(0.8));
        }
        return Wav.concat(parts.toArray(float[][]::new));
    }
}
