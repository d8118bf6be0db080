package harmony.adapters.speech.diarize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny ONNX speaker-embedding model by hand (protobuf wire format): input {@code feats [1, T, 80]},
 * output {@code embs [1, 80]} = ReduceMax over time. Enough to test the plug-in's plumbing with real ONNX Runtime.
 */
final class TinyOnnxModel {

    static Path write(Path file) throws IOException {
        byte[] node = message(
                string(1, "feats"), string(2, "embs"), string(3, "pool"), string(4, "ReduceMax"),
                bytes(5, message(string(1, "axes"), varint(20, 7), varint(8, 1))),
                bytes(5, message(string(1, "keepdims"), varint(20, 2), varint(3, 0))));
        byte[] graph = message(
                bytes(1, node), string(2, "tiny_speaker_embedding"),
                bytes(11, valueInfo("feats", dimValue(1), dimParam("T"), dimValue(80))),
                bytes(12, valueInfo("embs", dimValue(1), dimValue(80))));
        byte[] model = message(varint(1, 7), string(2, "harmony-test"), bytes(7, graph), bytes(8, message(varint(2, 13))));
        Files.write(file, model);
        return file;
    }

    private static byte[] valueInfo(String name, byte[]... dims) {
        byte[][] dimFields = new byte[dims.length][];
        for (int i = 0; i < dims.length; i++) {
            dimFields[i] = bytes(1, dims[i]);
        }
        byte[] shape = message(dimFields);
        byte[] tensor = message(varint(1, 1), bytes(2, shape)); // elem_type FLOAT
        return message(string(1, name), bytes(2, message(bytes(1, tensor))));
    }

    private static byte[] dimValue(long v) {
        return message(varint(1, v));
    }

    private static byte[] dimParam(String p) {
        return message(string(2, p));
    }

    private static byte[] message(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : fields) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private TinyOnnxModel() {
    }
}
