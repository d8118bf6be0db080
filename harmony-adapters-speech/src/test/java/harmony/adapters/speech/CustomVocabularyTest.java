package harmony.adapters.speech;

import static org.assertj.core.api.Assertions.assertThat;

import harmony.adapters.speech.models.ModelFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted rare terms: missed without the custom vocabulary, recognised with it; ordinary speech unchanged. */
class CustomVocabularyTest {
    static final List<String> PHRASES = List.of("Zyntrix", "Quorvane", "Marisol Okonkwo", "Velmora");

    @TempDir
    static Path dir;
    static Path product;
    static Path person;

    @BeforeAll
    static void clips() throws Exception {
        Tools.models();
        product = Tools.speak(dir, "product", "Our new analytics product is called Quorvane and it ships in May.", Tools.VOICE_B);
        person = Tools.speak(dir, "person", "I spoke with Marisol Okonkwo about the Velmora contract.", Tools.VOICE_A);
    }

    @Test
    void boostedPhrasesAreRecognisedAndPlainSpeechIsUntouched() throws Exception {
        String plainProduct, plainPerson, boostedProduct, boostedPerson, boostedJfk;
        try (SpeechTranscriber plain = SpeechTranscriber.withDefaults()) {
            plainProduct = text(plain, product);
            plainPerson = text(plain, person);
        }
        try (SpeechTranscriber boosted = new SpeechTranscriber(SpeechSettings.defaults().withVocabulary(PHRASES))) {
            boostedProduct = text(boosted, product);
            boostedPerson = text(boosted, person);
            boostedJfk = text(boosted, Tools.models().require(ModelFile.JFK_SAMPLE));
        }
        assertThat(plainProduct).doesNotContain("Quorvane");
        assertThat(plainPerson).doesNotContain("Marisol Okonkwo");
        assertThat(boostedProduct).contains("Quorvane");
        assertThat(boostedPerson).contains("Marisol Okonkwo");
        assertThat(SpeechTranscriberTest.words(boostedJfk)).isEqualTo(SpeechTranscriberTest.JFK_WORDS);
    }

    private static String text(SpeechTranscriber transcriber, Path wav) throws Exception {
        return transcriber.transcribe(new TestMedia(wav, "audio/vnd.wave"), p -> { }).transcript().fullText();
    }
}
