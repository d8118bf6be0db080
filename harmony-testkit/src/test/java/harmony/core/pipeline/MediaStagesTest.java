package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.domain.Source;
import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.MediaSource;
import harmony.core.port.out.ProgressListener;
import harmony.core.port.out.RemoteFiles;
import harmony.core.port.out.Transcriber;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.core.domain.ProcessingStatus.COMPLETED;
import static harmony.core.domain.ProcessingStatus.DOWNLOADING;
import static harmony.core.domain.ProcessingStatus.EXTRACTING;
import static harmony.core.domain.ProcessingStatus.FAILED;
import static harmony.core.domain.ProcessingStatus.QUEUED;
import static harmony.core.domain.ProcessingStatus.TRANSCRIBING;
import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The transcription and download stages inside the engine, over in-memory stores. */
class MediaStagesTest {
    private static final byte[] MP3 = mp3(40_000);

    private final PipelineHarness h = new PipelineHarness();
    private final RecordingStages text = new RecordingStages();
    private final FakeTranscriber transcriber = new FakeTranscriber();
    private final FakeRemoteFiles remote = new FakeRemoteFiles();

    @AfterEach
    void close() {
        h.close();
    }

    private Pipeline pipeline() {
        List<Stage> all = new ArrayList<>();
        all.add(new DownloadStage(remote, h.recordings, h.conversations, h.transactions, MediaStagesTest::checkMp3));
        all.add(new TranscriptionStage(transcriber, h.recordings, h.conversations, h.transactions));
        all.addAll(text.textStages());
        return h.pipeline(all);
    }

    private Conversation uploaded(byte[] bytes) throws IOException {
        Conversation c = Fixtures.recordingConversation("Upload", T0);
        h.recordings.put(c.recording().storageKey(), new ByteArrayInputStream(bytes));
        return c;
    }

    private static Conversation urlImport(String url) {
        return Fixtures.conversation("Imported", T0).toBuilder()
                .source(Source.URL_IMPORT).recording(null).sourceUrl(url).build();
    }

    @Test
    void transcribesAnUploadReportingTheFractionOfAudioAndStoresTranscriptAndDuration() throws Exception {
        Pipeline p = pipeline();
        Conversation c = h.submit(p, uploaded(MP3));
        h.drain(p);

        Conversation done = h.stored(c.id());
        assertThat(done.status()).isEqualTo(COMPLETED);
        assertThat(done.recording().durationMs()).isEqualTo(MP3.length / 10L);
        assertThat(h.conversations.findTranscript(c.id()).orElseThrow().fullText()).isEqualTo("run 1 of " + MP3.length + " bytes");
        assertThat(transcriber.bytesSeen).containsExactly(MP3.length);
        assertThat(h.statuses(c.id())).containsExactly(QUEUED, TRANSCRIBING, EXTRACTING,
                ProcessingStatus.GENERATING_INSIGHTS, ProcessingStatus.EVALUATING_GOALS, COMPLETED);
        List<Double> progress = h.events(c.id()).stream().filter(e -> e.status() == TRANSCRIBING)
                .map(e -> e.processing().progress()).toList();
        assertThat(progress).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(progress).isSorted();
    }

    @Test
    void reprocessingReplacesTheTranscript() throws Exception {
        Pipeline p = pipeline();
        Conversation c = h.submit(p, uploaded(MP3));
        h.drain(p);
        p.reprocess(WS, c.id());
        h.drain(p);
        Transcript t = h.conversations.findTranscript(c.id()).orElseThrow();
        assertThat(t.turns()).hasSize(1);
        assertThat(t.fullText()).isEqualTo("run 2 of " + MP3.length + " bytes");
    }

    @Test
    void textSourcesSkipDownloadAndTranscription() {
        Pipeline p = pipeline();
        Conversation c = h.submit(p, Fixtures.conversation("Pasted", T0));
        h.drain(p);
        assertThat(h.statuses(c.id())).doesNotContain(DOWNLOADING, TRANSCRIBING).endsWith(COMPLETED);
        assertThat(transcriber.runs).hasValue(0);
        assertThat(remote.opened).hasValue(0);
    }

    @Test
    void aRecordingWithoutSpeechFailsWithTheTranscribersMessage() throws Exception {
        Pipeline p = pipeline();
        transcriber.failure = new HarmonyException(ErrorKind.INVALID, UserMessages.NO_AUDIO_TRACK);
        Conversation c = h.submit(p, uploaded(MP3));
        h.drain(p);
        Conversation failed = h.stored(c.id());
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.processing().stage()).isEqualTo(TranscriptionStage.NAME);
        assertThat(failed.processing().error()).isEqualTo(UserMessages.NO_AUDIO_TRACK);
        assertThat(transcriber.runs).hasValue(1);
    }

    @Test
    void aMissingRecordingFailsWithAReadableReason() {
        Pipeline p = pipeline();
        Conversation c = h.submit(p, Fixtures.recordingConversation("Lost file", T0));
        h.drain(p);
        assertThat(h.stored(c.id()).processing().error()).isEqualTo(PipelineMessages.RECORDING_MISSING);
        assertThat(transcriber.runs).hasValue(0);
    }

    @Test
    void downloadsAUrlImportIntoTheStoreThenTranscribesIt() {
        Pipeline p = pipeline();
        remote.files.put("https://media.example.com/calls/weekly.mp3", MP3);
        Conversation c = h.submit(p, urlImport("https://media.example.com/calls/weekly.mp3"));
        h.drain(p);

        Conversation done = h.stored(c.id());
        assertThat(done.status()).isEqualTo(COMPLETED);
        Recording r = done.recording();
        assertThat(r.storageKey()).isEqualTo(DownloadStage.storageKey(c));
        assertThat(r.filename()).isEqualTo("weekly.mp3");
        assertThat(r.mimeType()).isEqualTo("audio/mpeg");
        assertThat(r.sizeBytes()).isEqualTo(MP3.length);
        assertThat(r.sha256()).hasSize(64);
        assertThat(transcriber.bytesSeen).containsExactly(MP3.length);
        assertThat(h.statuses(c.id())).startsWith(QUEUED, DOWNLOADING, TRANSCRIBING, EXTRACTING);
        List<Double> progress = h.events(c.id()).stream().filter(e -> e.status() == DOWNLOADING)
                .map(e -> e.processing().progress()).toList();
        assertThat(progress).hasSizeGreaterThan(3).isSorted().startsWith(0.0).endsWith(1.0);

        p.reprocess(WS, c.id());
        h.drain(p);
        assertThat(remote.opened).as("the recording is kept; reprocessing does not download again").hasValue(1);
        assertThat(h.recordings.size()).isEqualTo(1);
    }

    @Test
    void aDownloadThatIsNotMediaFailsAndLeavesNothingStored() {
        Pipeline p = pipeline();
        remote.files.put("https://example.com/page.html", "<html>not a recording</html>".getBytes(StandardCharsets.UTF_8));
        Conversation c = h.submit(p, urlImport("https://example.com/page.html"));
        h.drain(p);
        Conversation failed = h.stored(c.id());
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.processing().stage()).isEqualTo(DownloadStage.NAME);
        assertThat(failed.processing().error()).isEqualTo(UserMessages.NOT_AUDIO_OR_VIDEO);
        assertThat(h.recordings.size()).isZero();
        assertThat(failed.recording()).isNull();
    }

    @Test
    void aNetworkFailureWhileDownloadingIsRetried() {
        Pipeline p = pipeline();
        remote.files.put("https://media.example.com/a.mp3", MP3);
        remote.failuresLeft.set(1);
        Conversation c = h.submit(p, urlImport("https://media.example.com/a.mp3"));
        h.drain(p);
        assertThat(h.stored(c.id()).status()).isEqualTo(DOWNLOADING);
        h.mutableClock().advance(Duration.ofMinutes(1));
        h.drain(p);
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);
        assertThat(h.events(c.id())).filteredOn(e -> e.status() == DOWNLOADING)
                .extracting(e -> e.processing().attempts()).contains(1, 2);
    }

    @Test
    void anUnreachableUrlFailsWithTheProductMessage() {
        Pipeline p = pipeline();
        Conversation c = h.submit(p, urlImport("https://private.example.com/x.mp3"));
        h.drain(p);
        assertThat(h.stored(c.id()).processing().error()).isEqualTo(UserMessages.URL_NOT_ACCESSIBLE);
        for (ConversationEvent e : h.events(c.id())) {
            assertThat(e.workspaceId()).isEqualTo(WS);
        }
    }

    /** A stand-in for the upload validator: MP3 frames start with ID3 here; anything else is refused on read. */
    private static MediaCheck.Checked checkMp3(InputStream in, String filename) {
        InputStream checking = new FilterInputStream(in) {
            private boolean checked;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (!checked && n > 0) {
                    checked = true;
                    if (n < 3 || b[off] != 'I' || b[off + 1] != 'D' || b[off + 2] != '3') {
                        throw HarmonyException.unsupportedMedia();
                    }
                }
                return n;
            }
        };
        return new MediaCheck.Checked(checking, () -> "audio/mpeg");
    }

    private static byte[] mp3(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 7);
        b[0] = 'I';
        b[1] = 'D';
        b[2] = '3';
        return b;
    }

    /** Reads the whole recording and reports quarter steps; 10 bytes stand for a millisecond. */
    static final class FakeTranscriber implements Transcriber {
        final AtomicInteger runs = new AtomicInteger();
        final List<Integer> bytesSeen = new ArrayList<>();
        volatile Exception failure;

        @Override
        public Transcription transcribe(MediaSource media, ProgressListener progress) throws Exception {
            int run = runs.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            byte[] all;
            try (InputStream in = media.open()) {
                all = in.readAllBytes();
            }
            bytesSeen.clear();
            bytesSeen.add(all.length);
            for (int q = 1; q <= 4; q++) {
                progress.progress(q / 4.0);
            }
            return new Transcription(Fixtures.transcript("run " + run + " of " + all.length + " bytes"), all.length / 10L);
        }
    }

    /** Files by URL; an unknown URL is not publicly accessible. Streams in small chunks. */
    static final class FakeRemoteFiles implements RemoteFiles {
        final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public boolean isPubliclyAccessible(URI url) {
            return files.containsKey(url.toString());
        }

        @Override
        public Download open(URI url) throws IOException {
            byte[] bytes = files.get(url.toString());
            if (bytes == null) {
                throw HarmonyException.urlNotAccessible();
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("connection reset");
            }
            opened.incrementAndGet();
            InputStream chunked = new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 4096));
                }
            };
            return new Download(chunked, bytes.length, null);
        }
    }
}
