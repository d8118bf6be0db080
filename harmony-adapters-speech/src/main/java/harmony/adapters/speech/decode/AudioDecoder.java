package harmony.adapters.speech.decode;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the audio track of any file FFmpeg reads (in-process, through JavaCV) to 16 kHz float samples,
 * frame by frame: memory stays constant whatever the file's length.
 */
public final class AudioDecoder {
    public static final int SAMPLE_RATE = 16_000;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** Receives decoded audio: {@code channels[c][0..length)}; the arrays are reused after the call returns. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(float[][] channels, int length) throws Exception;
    }

    /** What the container says about the audio track. */
    public record Probe(int channels, long durationMs) {
    }

    public Probe probe(Path file, String mimeType) throws Exception {
        try (FFmpegFrameGrabber grabber = start(file, mimeType, 0)) {
            return new Probe(grabber.getAudioChannels(), Math.max(0, grabber.getLengthInTime() / 1000));
        }
    }

    /**
     * Decodes to {@code outChannels} channels (1 = mixed down to mono) and returns the number of samples per
     * channel delivered. Fails with {@link UserMessages#NO_AUDIO_TRACK} for a file without a decodable audio track.
     */
    public long decode(Path file, String mimeType, int outChannels, ChunkSink sink) throws Exception {
        long total = 0;
        float[][] out = new float[outChannels][4096];
        try (FFmpegFrameGrabber grabber = start(file, mimeType, outChannels)) {
            Frame frame;
            while ((frame = grabSamples(grabber, total)) != null) {
                if (frame.samples == null || frame.samples.length == 0) {
                    continue;
                }
                Buffer[] samples = frame.samples;
                int length = samples.length == outChannels && outChannels > 1
                        ? samples[0].remaining() : samples[0].remaining() / outChannels;
                if (out[0].length < length) {
                    out = new float[outChannels][length];
                }
                if (samples.length == outChannels && outChannels > 1) {
                    for (int c = 0; c < outChannels; c++) {
                        ((FloatBuffer) samples[c]).duplicate().get(out[c], 0, length);
                    }
                } else {
                    FloatBuffer interleaved = ((FloatBuffer) samples[0]).duplicate();
                    for (int i = 0; i < length; i++) {
                        for (int c = 0; c < outChannels; c++) {
                            out[c][i] = interleaved.get();
                        }
                    }
                }
                sink.accept(out, length);
                total += length;
            }
        }
        return total;
    }

    private static Frame grabSamples(FFmpegFrameGrabber grabber, long decodedSoFar) throws HarmonyException {
        try {
            return grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            if (decodedSoFar > 0) {
                return null; // a damaged tail: keep what decoded, as players do
            }
            throw noAudio(e);
        }
    }

    private static FFmpegFrameGrabber start(Path file, String mimeType, int outChannels) {
        HarmonyException failure = null;
        for (String format : formatsToTry(mimeType)) {
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
            if (format != null) {
                grabber.setFormat(format);
            }
            if (outChannels > 0) {
                grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
                grabber.setAudioChannels(outChannels);
            }
            try {
                grabber.start(outChannels == 0);
                if (!grabber.hasAudio()) {
                    grabber.close();
                    throw new HarmonyException(ErrorKind.INVALID, UserMessages.NO_AUDIO_TRACK);
                }
                if (outChannels > 0) {
                    // set after start: before it, a raw format (GSM) would take it as its input rate
                    grabber.setSampleRate(SAMPLE_RATE);
                }
                return grabber;
            } catch (FrameGrabber.Exception e) {
                failure = noAudio(e);
                closeQuietly(grabber);
            } catch (HarmonyException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Raw GSM 06.10 has no magic number: FFmpeg reads it only when told the format. */
    private static String[] formatsToTry(String mimeType) {
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        return mime.contains("gsm") && !mime.contains("wav") ? new String[] {null, "gsm"} : new String[] {null};
    }

    private static HarmonyException noAudio(Exception cause) {
        return new HarmonyException(ErrorKind.INVALID, UserMessages.NO_AUDIO_TRACK, cause);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // already failing
        }
    }
}
