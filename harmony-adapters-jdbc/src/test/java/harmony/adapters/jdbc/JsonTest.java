package harmony.adapters.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import harmony.core.domain.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void turnsRoundTripWithEveryCharacterThatNeedsEscaping() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        List<Turn> turns = List.of(
                new Turn("S1", 0, 1_250, "Plain words, nothing to escape."),
                new Turn("S\"2\\", 1_250, 9_000_000_000L, "She said \"no\" \\ then / left\n\r\t" + controls),
                new Turn("S1", 9_000_000_000L, 9_000_000_001L, "Größe 日本語 \uD835\uDC00 \u2028 \u007F"),
                new Turn("S3", 5, 6, ""));
        String json = Json.turns(turns);
        assertThat(Json.turns(json)).isEqualTo(turns);
        // Standard JSON, not just something our own reader accepts.
        List<?> parsed = new ObjectMapper().readValue(json, List.class);
        assertThat(parsed).hasSize(4);
        assertThat(((List<?>) parsed.get(1)).get(3)).isEqualTo(turns.get(1).text());
        assertThat(json).startsWith("[[\"S1\",0,1250,\"Plain words, nothing to escape.\"],");
        assertThat(Json.turns(List.of())).isEqualTo("[]");
        assertThat(Json.turns(Json.turns(List.of()))).isEmpty();
    }
}
