package harmony.adapters.speech.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.adapters.speech.Tools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @TempDir
    Path empty;

    @Test
    void aMissingModelSaysHowToGetIt() {
        ModelLocator locator = new ModelLocator(empty);
        assertThat(locator.isComplete()).isFalse();
        assertThatThrownBy(() -> locator.require(ModelFile.SILERO_VAD))
                .isInstanceOf(ModelLocator.MissingModelException.class)
                .hasMessageContaining("silero_vad_v6.onnx")
                .hasMessageContaining("mvn -pl harmony-adapters-speech process-classes")
                .hasMessageContaining("HARMONY_MODELS_DIR");
    }

    @Test
    void theTranscriberRefusesToStartWithoutModels() {
        SpeechSettings settings = new SpeechSettings(empty, null, 1, java.util.List.of(), 8, 1, 0, null, true, 1);
        assertThatThrownBy(() -> new SpeechTranscriber(settings))
                .isInstanceOf(ModelLocator.MissingModelException.class)
                .hasMessageContaining("HARMONY_MODELS_DIR");
    }

    @Test
    void theCachedModelsMatchTheirPinnedChecksumsAndFetchingAgainIsANoOp() throws Exception {
        ModelLocator locator = Tools.models();
        for (ModelFile file : ModelFile.ALL) {
            assertThat(ModelFetcher.sha256(locator.require(file))).as(file.cachePath()).isEqualTo(file.sha256());
        }
        assertThat(ModelFetcher.fetchMissing(locator.directory())).isZero();
    }

    @Test
    void anotherMoonshineDirectoryMustHoldBothModels() {
        SpeechSettings settings = SpeechSettings.defaults().withAsrModelDirectory(empty);
        assertThatThrownBy(() -> new SpeechTranscriber(settings))
                .isInstanceOf(ModelLocator.MissingModelException.class)
                .hasMessageContaining("encoder_model.onnx");
    }
}
