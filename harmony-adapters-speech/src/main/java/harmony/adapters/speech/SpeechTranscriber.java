package harmony.adapters.speech;

import harmony.adapters.speech.asr.MoonshineRecognizer;
import harmony.adapters.speech.asr.PhraseBoost;
import harmony.adapters.speech.asr.TokenBias;
import harmony.adapters.speech.asr.Vocabulary;
import harmony.adapters.speech.decode.AudioDecoder;
import harmony.adapters.speech.decode.SpooledMedia;
import harmony.adapters.speech.diarize.ChannelSeparation;
import harmony.adapters.speech.diarize.OnnxSpeakerEmbedder;
import harmony.adapters.speech.diarize.SpeakerClustering;
import harmony.adapters.speech.diarize.SpeakerEmbedder;
import harmony.adapters.speech.diarize.VoiceStatisticsEmbedder;
import harmony.adapters.speech.models.ModelFile;
import harmony.adapters.speech.models.ModelLocator;
import harmony.adapters.speech.vad.SileroVad;
import harmony.adapters.speech.vad.SpeechSegment;
import harmony.adapters.speech.vad.SpeechSegmenter;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.port.out.MediaSource;
import harmony.core.port.out.ProgressListener;
import harmony.core.port.out.Transcriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transcribes recordings in-process: FFmpeg decodes the audio track to 16 kHz as a stream, Silero VAD cuts it
 * into speech segments (silence never reaches the recogniser), Moonshine recognises the segments in parallel,
 * and each segment gets a speaker: its channel in a one-party-per-channel stereo file, else a cluster of
 * voice prints. Memory is bounded by a few segments in flight, whatever the recording's length.
 */
public final class SpeechTranscriber implements Transcriber, AutoCloseable {
    private static final int RATE = AudioDecoder.SAMPLE_RATE;

    private final SpeechSettings settings;
    private final AudioDecoder decoder = new AudioDecoder();
    private final SileroVad vad;
    private final MoonshineRecognizer recognizer;
    private final SpeakerEmbedder embedder;
    private final TokenBias bias;
    private final ExecutorService workers;

    public SpeechTranscriber(SpeechSettings settings) throws Exception {
        this.settings = settings;
        ModelLocator models = new ModelLocator(settings.modelsDirectory());
        Path asr = settings.asrModelDirectory() != null
                ? settings.asrModelDirectory() : models.require(ModelFile.MOONSHINE_ENCODER).getParent();
        for (String file : new String[] {MoonshineRecognizer.ENCODER, MoonshineRecognizer.DECODER}) {
            if (!Files.isRegularFile(asr.resolve(file))) {
                throw new ModelLocator.MissingModelException("The speech recognition model directory " + asr
                        + " lacks " + file + " (a Moonshine-format directory has " + MoonshineRecognizer.ENCODER
                        + " and " + MoonshineRecognizer.DECODER + ")");
            }
        }
        Vocabulary vocabulary = Vocabulary.fromLlamaTokenizerJs(models.require(ModelFile.VOCABULARY));
        this.vad = new SileroVad(models.require(ModelFile.SILERO_VAD));
        this.recognizer = new MoonshineRecognizer(asr, vocabulary, 1);
        this.embedder = settings.speakerEmbeddingModel() != null
                ? new OnnxSpeakerEmbedder(settings.speakerEmbeddingModel()) : new VoiceStatisticsEmbedder();
        this.bias = settings.vocabulary().isEmpty()
                ? TokenBias.NONE : new PhraseBoost(vocabulary, settings.vocabulary(), settings.vocabularyBoost());
        this.workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "harmony-speech");
            t.setDaemon(true);
            return t;
        });
    }

    public static SpeechTranscriber withDefaults() throws Exception {
        return new SpeechTranscriber(SpeechSettings.defaults());
    }

    @Override
    public Transcription transcribe(MediaSource media, ProgressListener progress) throws Exception {
        try (SpooledMedia spooled = SpooledMedia.of(media)) {
            AudioDecoder.Probe probe = decoder.probe(spooled.file(), spooled.mimeType());
            boolean perChannel = settings.splitStereoChannels() && probe.channels() == 2 && separated(spooled);
            Run run = new Run(Math.max(1, probe.durationMs()) * RATE / 1000, progress);
            int channels = perChannel ? 2 : 1;
            SpeechSegmenter[] segmenters = new SpeechSegmenter[channels];
            for (int c = 0; c < channels; c++) {
                segmenters[c] = new SpeechSegmenter(vad.newStream(), SpeechSegmenter.Settings.DEFAULT, c, run::submit);
            }
            long samples = decoder.decode(spooled.file(), spooled.mimeType(), channels, (chunk, length) -> {
                for (int c = 0; c < channels; c++) {
                    segmenters[c].accept(chunk[c], length);
                }
            });
            for (SpeechSegmenter segmenter : segmenters) {
                segmenter.finish();
            }
            List<Recognized> recognized = run.await();
            progress.progress(1.0);
            return new Transcription(assemble(recognized, perChannel), samples * 1000 / RATE);
        }
    }

    private boolean separated(SpooledMedia spooled) throws Exception {
        ChannelSeparation separation = new ChannelSeparation();
        decoder.decode(spooled.file(), spooled.mimeType(), 2, separation);
        return separation.onePartyPerChannel();
    }

    private record Recognized(SpeechSegment segment, String text, float[] voice) {
    }

    /** One transcription's segments in flight: at most two per worker, so memory stays bounded. */
    private final class Run {
        private final List<Future<Recognized>> futures = new ArrayList<>();
        private final Semaphore inFlight = new Semaphore(settings.threads() * 2);
        private final long expectedSamples;
        private final ProgressListener progress;
        private final AtomicLong reported = new AtomicLong();

        Run(long expectedSamples, ProgressListener progress) {
            this.expectedSamples = expectedSamples;
            this.progress = progress;
        }

        void submit(SpeechSegment segment) {
            inFlight.acquireUninterruptibly();
            futures.add(workers.submit(() -> {
                try {
                    String text = recognizer.transcribe(segment.audio(), bias);
                    float[] voice = text.isBlank() ? null : embedder.embed(segment.speech());
                    report(segment.endSample());
                    return new Recognized(segment, text, voice);
                } finally {
                    inFlight.release();
                }
            }));
        }

        private void report(long doneSample) {
            long permille = Math.min(999, doneSample * 1000 / expectedSamples);
            long before = reported.getAndAccumulate(permille, Math::max);
            if (permille > before) {
                progress.progress(permille / 1000.0);
            }
        }

        List<Recognized> await() throws Exception {
            List<Recognized> out = new ArrayList<>();
            Exception failure = null;
            for (Future<Recognized> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        }
    }

    private Transcript assemble(List<Recognized> recognized, boolean perChannel) {
        List<Recognized> spoken = recognized.stream().filter(r -> !r.text().isBlank())
                .sorted(Comparator.comparingLong((Recognized r) -> r.segment().startSample())
                        .thenComparingInt(r -> r.segment().channel()))
                .toList();
        if (spoken.isEmpty()) {
            return Transcript.EMPTY;
        }
        int[] speaker = new int[spoken.size()];
        if (perChannel) {
            for (int i = 0; i < speaker.length; i++) {
                speaker[i] = spoken.get(i).segment().channel();
            }
        } else {
            double[] seconds = spoken.stream().mapToDouble(r -> r.segment().seconds()).toArray();
            speaker = new SpeakerClustering(settings.clustering())
                    .cluster(spoken.stream().map(Recognized::voice).toList(), seconds);
        }
        Map<Integer, String> labels = new LinkedHashMap<>();
        List<Turn> turns = new ArrayList<>();
        Turn open = null;
        for (int i = 0; i < spoken.size(); i++) {
            SpeechSegment s = spoken.get(i).segment();
            String label = labels.computeIfAbsent(speaker[i], k -> "S" + (labels.size() + 1));
            if (open != null && open.speaker().equals(label)) {
                open = new Turn(label, open.startMs(), Math.max(open.endMs(), s.endMs()), open.text() + " " + spoken.get(i).text());
            } else {
                if (open != null) {
                    turns.add(open);
                }
                open = new Turn(label, s.startMs(), s.endMs(), spoken.get(i).text());
            }
        }
        turns.add(open);
        return new Transcript(labels.values().stream().map(Speaker::unnamed).toList(), turns);
    }

    @Override
    public void close() throws Exception {
        workers.shutdownNow();
        recognizer.close();
        vad.close();
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
