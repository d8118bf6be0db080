package harmony.core.ingest.transcript;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static harmony.core.ingest.transcript.Samples.text;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTranscriptReaderTest {
    private final JsonTranscriptReader reader = new JsonTranscriptReader();

    @Test
    void harmonysOwnFormat() {
        Transcript t = reader.read(text("json/harmony.json"));
        assertThat(t.speakers()).containsExactly(Speaker.named("p1", "Dana Reyes"), Speaker.named("p2", "Marco Bianchi"));
        assertThat(turns(t)).containsExactly(
                "p1|0|4200|Thanks for taking the call.",
                "p2|4300|9100|Of course. Let's talk about the renewal.",
                "p1|9500|9500|We can offer a two-year term.");
    }

    @Test
    void openAiVerboseJsonIsOneUnknownSpeakerWithATurnPerSegment() {
        Transcript t = reader.read(text("json/openai-verbose.json"));
        assertThat(t.speakers()).containsExactly(Speaker.unnamed("S1"));
        assertThat(turns(t)).containsExactly("S1|0|4200|Thanks for taking the call.",
                "S1|4300|9520|Of course, let's talk about the renewal.");
    }

    @Test
    void assemblyAiUtterancesOrElseWords() {
        assertThat(turns(reader.read(text("json/assemblyai.json")))).containsExactly(
                "Speaker A|250|4200|Thanks for taking the call.", "Speaker B|4400|6100|Of course.");
        assertThat(turns(reader.read(text("json/assemblyai-words.json")))).containsExactly(
                "Speaker A|100|800|Hello there.", "Speaker B|1200|1500|Hi.");
    }

    @Test
    void deepgramUtterancesOrElseWordsWithSpeakers() {
        assertThat(turns(reader.read(text("json/deepgram-utterances.json")))).containsExactly(
                "Speaker 0|80|4200|Thanks for taking the call.", "Speaker 1|4500|6250|Of course.");
        assertThat(turns(reader.read(text("json/deepgram-words.json")))).containsExactly(
                "Speaker 0|100|800|Hello there.", "Speaker 1|1200|1500|Hi.");
    }

    @Test
    void revAiMonologuesJoinTheirElements() {
        Transcript t = reader.read(text("json/revai.json"));
        assertThat(t.speakers()).containsExactly(new Speaker("Speaker 0", "Dana Reyes", null, null),
                Speaker.unnamed("Speaker 1"));
        assertThat(turns(t)).containsExactly("Speaker 0|250|1300|Thanks for calling.", "Speaker 1|1900|2200|Sure.");
    }

    @Test
    void gongMonologuesKeepGongsSpeakerIds() {
        assertThat(turns(reader.read(text("json/gong.json")))).containsExactly(
                "6432345678555530067|460230|464000|Thanks for joining. Shall we start?",
                "2252345678555530011|464500|466000|Yes, let's.");
    }

    @Test
    void anExplicitFormatOverridesTheShape() {
        String both = "{\"format\":\"openai\",\"turns\":[],\"segments\":[{\"start\":1,\"end\":2,\"text\":\"hi\"}]}";
        assertThat(turns(reader.read(both))).containsExactly("S1|1000|2000|hi");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"turns\": [ }|line 1, column 13: the JSON is not valid (Unexpected close marker '}': expected ']')",
        "[1,2]|a JSON transcript is an object, not a list",
        "{\"hello\":1}|the JSON is not a transcript Harmony knows: expected turns (Harmony), segments (OpenAI), utterances or words (AssemblyAI), results (Deepgram), monologues (Rev.ai) or callTranscripts (Gong)",
        "{\"format\":\"zoom\",\"turns\":[]}|format: \"zoom\" is not one of harmony, gong, revai, deepgram, assemblyai, openai",
        "{\"turns\":{}}|turns: must be a list, not an object",
        "{\"turns\":[{\"speaker\":\"p1\",\"text\":\"hi\",\"startMs\":\"abc\"}]}|turns[0].startMs: must be a whole number of milliseconds, not \"abc\"",
        "{\"turns\":[{\"speaker\":\"p1\",\"text\":\"hi\",\"startMs\":-5}]}|turns[0].startMs: must not be negative",
        "{\"turns\":[{\"speaker\":\"p1\",\"text\":\"hi\",\"startMs\":5000,\"endMs\":10}]}|turns[0].endMs: is before startMs",
        "{\"turns\":[{\"text\":\"hi\"}]}|turns[0].speaker: is missing",
        "{\"participants\":[{\"id\":\"p1\"}],\"turns\":[{\"speaker\":\"p9\",\"text\":\"hi\"}]}|turns[0].speaker: p9 is not one of the participants",
        "{\"participants\":[{\"id\":\"p1\"},{\"id\":\"p1\"}],\"turns\":[]}|participants[1].id: p1 is given twice",
        "{\"participants\":[{\"id\":\"p1\",\"kind\":\"robot\"}],\"turns\":[]}|participants[0].kind: must be contact, user or external, not \"robot\"",
        "{\"turns\":[1]}|turns[0]: must be an object, not 1",
        "{\"segments\":[{\"start\":\"x\",\"text\":\"hi\"}]}|segments[0].start: must be a number of seconds, not \"x\"",
        "{\"segments\":[{\"start\":1e300,\"text\":\"hi\"}]}|segments[0].start: is too large to be a time in a conversation",
        "{\"callTranscripts\":[{\"transcript\":[]},{\"transcript\":[]}]}|callTranscripts: holds 2 calls; a transcript file holds one call",
        "{\"callTranscripts\":[{\"transcript\":[{\"speakerId\":\"1\",\"sentences\":[{\"start\":0}]}]}]}|callTranscripts[0].transcript[0].sentences[0].text: is missing",
        "{\"monologues\":[{\"speaker\":0}]}|monologues[0].elements: is missing",
        "{\"results\":{\"channels\":[{\"alternatives\":[{\"words\":[{\"start\":0}]}]}]}}|results.channels[0].alternatives[0].words[0].word: is missing",
        "{\"a\":tru}|line 1, column 6: the JSON is not valid (Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
        "{\"turns\":[{\"speaker\":\"p1\",\"text\":[\"hi\"]}]}|turns[0].text: must be a string, not a list",
        "{\"turns\":[{\"speaker\":\" \",\"text\":\"hi\"}]}|turns[0].speaker: must not be blank",
        "{\"participants\":[{\"id\":\"\"}],\"turns\":[]}|participants[0].id: must not be blank",
        "{\"format\":\"deepgram\",\"turns\":[]}|results: is missing",
        "{\"callTranscripts\":[]}|callTranscripts: holds no call",
        "{\"turns\":[{\"speaker\":\"p1\",\"text\":\"hi\",\"endMs\":1.5}]}|turns[0].endMs: must be a whole number of milliseconds, not 1.5",
        "{\"utterances\":[{\"speaker\":\"A\",\"text\":\"hi\",\"start\":true}]}|utterances[0].start: must be a whole number of milliseconds, not true",
        "'   '|the JSON is empty",
        "{\"turns\":[]} {}|line 1, column 14: the JSON is not valid (more follows the end of the JSON value)",
    })
    void errorsNameThePlaceAndTheReason(String json, String message) {
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(TranscriptFormatException.class).hasMessage(message);
    }
}
