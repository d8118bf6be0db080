package harmony.adapters.http.api;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.port.out.MediaSource;
import harmony.core.port.out.ProgressListener;
import harmony.core.port.out.Transcriber;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** A test double: reads the whole recording, reports progress, answers a fixed two-speaker transcript. */
final class TestTranscriber implements Transcriber {
    @Override
    public Transcription transcribe(MediaSource media, ProgressListener progress) throws Exception {
        try (InputStream in = media.open()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        progress.progress(0.5);
        progress.progress(1.0);
        return new Transcription(new Transcript(List.of(Speaker.unnamed("S1"), Speaker.unnamed("S2")), List.of(
                new Turn("S1", 0, 2000, "Thanks for joining the call."),
                new Turn("S2", 2000, 5000, "Happy to be here, let us review the pricing."))), 5000);
    }
}
