package harmony.adapters.speech.asr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moonshine's SentencePiece vocabulary (the LLaMA one), read from the base64 list in llama-tokenizer.js.
 * Turns token ids into text.
 */
public final class Vocabulary {
    private static final Pattern VOCAB = Pattern.compile("llama_vocab_base64\\s*=\\s*\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern BYTE_PIECE = Pattern.compile("<0x([0-9A-Fa-f]{2})>");
    static final char SPACE = '\u2581';

    private final List<String> pieces;

    public Vocabulary(List<String> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    public static Vocabulary fromLlamaTokenizerJs(Path file) throws IOException {
        String js = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = VOCAB.matcher(js);
        if (!m.find()) {
            throw new IOException(file + " holds no llama_vocab_base64");
        }
        String text = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        return new Vocabulary(List.of(text.split("\n", -1)));
    }

    public int size() {
        return pieces.size();
    }

    /** The piece of a token id, or null for ids past the vocabulary (Moonshine's extra special tokens). */
    public String piece(int id) {
        return id >= 0 && id < pieces.size() ? pieces.get(id) : null;
    }

    /** Text of the ids, special tokens (unk, bos, eos, ids past the list) left out. */
    public String decode(int[] ids, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < length; i++) {
            int id = ids[i];
            if (id < 3 || id >= pieces.size()) {
                continue;
            }
            String piece = pieces.get(id);
            Matcher b = BYTE_PIECE.matcher(piece);
            if (b.matches()) {
                bytes.write(Integer.parseInt(b.group(1), 16));
            } else {
                bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(SPACE, ' ').trim();
    }
}
