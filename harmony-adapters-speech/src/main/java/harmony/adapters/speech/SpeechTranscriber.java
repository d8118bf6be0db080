package harmony.adapters.speech;

import harmony.adapters.speech.asr.MoonshineRecognizer;
import harmony.adapters.speech.asr.PhraseBoost;
import harmony.adapters.speech.asr.TokenBias;
import harmony.adapters.speech.asr.Vocabulary;
import harmony.adapters.speech.decode.AudioDecoder;
import harmony.adapters.speech.decode.PcmSpool;
import harmony.adapters.speech.decode.SpooledMedia;
import harmony.adapters.speech.diarize.ChannelSeparation;
import harmony.adapters.speech.diarize.OnnxSpeakerEmbedder;
import harmony.adapters.speech.diarize.SpeakerClustering;
import harmony.adapters.speech.diarize.SpeakerEmbedder;
import harmony.adapters.speech.diarize.VoiceStatisticsEmbedder;
import harmony.adapters.speech.models.ModelFile;
import harmony.adapters.speech.models.ModelLocator;
import harmony.adapters.speech.vad.SileroVad;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transcribes recordings in-process. Pass 1 streams: FFmpeg decodes the audio track to 16 kHz (spooled to
 * disk as 16-bit PCM), Silero VAD cuts it into speech segments, and each segment gets a voice print. Then each
 * segment gets a speaker (its channel in a one-party-per-channel stereo file, else a cluster of voice prints),
 * and pass 2 recognises each speaker's stretches of talk (up to ~30 s, silence left out) with Moonshine, in
 * parallel. Memory holds a few stretches of audio and one small record per segment, whatever the length.
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
        this.recognizer = new MoonshineRecognizer(asr, vocabulary, 1, settings.beamWidth());
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
            int channels = perChannel ? 2 : 1;
            Progress report = new Progress(progress);
            long expected = Math.max(1, probe.durationMs()) * RATE / 1000;
            try (PcmSpool pcm = PcmSpool.create(channels)) {
                // pass 1: decode to the spool, find speech, take a voice print of each segment
                List<Voiced> voiced = new ArrayList<>();
                SpeechSegmenter[] segmenters = new SpeechSegmenter[channels];
                for (int c = 0; c < channels; c++) {
                    segmenters[c] = new SpeechSegmenter(vad.newStream(), SpeechSegmenter.Settings.DEFAULT, c, segment -> {
                        try {
                            voiced.add(new Voiced(segment.channel(), segment.startSample(), segment.endSample(),
                                    perChannel ? null : embedder.embed(segment.speech())));
                        } catch (Exception e) {
                            throw new IllegalStateException("speaker embedding failed", e);
                        }
                    });
                }
                decoder.decode(spooled.file(), spooled.mimeType(), channels, (chunk, length) -> {
                    pcm.append(chunk, length);
                    for (int c = 0; c < channels; c++) {
                        segmenters[c].accept(chunk[c], length);
                    }
                    report.at(DECODE_SHARE * Math.min(1.0, (double) pcm.frames() / expected));
                });
                for (SpeechSegmenter segmenter : segmenters) {
                    segmenter.finish();
                }
                pcm.flush();
                // pass 2: speakers, then each speaker's stretch of talk recognised as a whole, in parallel
                List<Voiced> speech = new ArrayList<>(perChannel ? withoutCrosstalk(voiced, pcm) : voiced);
                speech.sort(Comparator.comparingLong(Voiced::start).thenComparingInt(Voiced::channel));
                int[] speakers = perChannel
                        ? speech.stream().mapToInt(Voiced::channel).toArray()
                        : new SpeakerClustering(settings.clustering()).cluster(
                                speech.stream().map(Voiced::voice).toList(),
                                speech.stream().mapToDouble(v -> (v.end() - v.start()) / (double) RATE).toArray());
                List<Stretch> stretches = stretches(speech, speakers);
                List<String> texts = recognise(stretches, pcm, report);
                report.at(1.0);
                return new Transcription(assemble(stretches, texts), pcm.frames() * 1000 / RATE);
            }
        }
    }

    private static final double DECODE_SHARE = 0.1;
    /** Pauses up to this long stay inside one stretch given to the recogniser; context helps it. */
    private static final long JOIN_GAP = RATE * 3 / 2;
    private static final long MAX_STRETCH = RATE * 28;
    private static final long CONTEXT = RATE / 10;

    /** A speech segment's place and voice print. */
    private record Voiced(int channel, long start, long end, float[] voice) {
    }

    /** Consecutive segments of one speaker, recognised together (at most ~30 s). */
    private record Stretch(int speaker, int channel, long start, long end) {
    }

    private static List<Stretch> stretches(List<Voiced> voiced, int[] speakers) {
        List<Stretch> out = new ArrayList<>();
        Stretch open = null;
        for (int i = 0; i < voiced.size(); i++) {
            Voiced v = voiced.get(i);
            if (open != null && open.speaker() == speakers[i] && v.start() - open.end() <= JOIN_GAP
                    && v.end() - open.start() <= MAX_STRETCH) {
                open = new Stretch(open.speaker(), open.channel(), open.start(), Math.max(open.end(), v.end()));
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = new Stretch(speakers[i], v.channel(), v.start(), v.end());
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
    }

    private List<String> recognise(List<Stretch> stretches, PcmSpool pcm, Progress report) throws Exception {
        long total = Math.max(1, stretches.stream().mapToLong(s -> s.end() - s.start()).sum());
        AtomicLong done = new AtomicLong();
        List<Future<String>> futures = new ArrayList<>();
        for (Stretch s : stretches) {
            futures.add(workers.submit(() -> {
                String text = recognizer.transcribe(pcm.read(s.channel(), s.start() - CONTEXT, s.end() + CONTEXT), bias);
                long finished = done.addAndGet(s.end() - s.start());
                report.at(DECODE_SHARE + (1 - DECODE_SHARE) * finished / total);
                return text;
            }));
        }
        List<String> texts = new ArrayList<>();
        try {
            for (Future<String> f : futures) {
                texts.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return texts;
    }

    /**
     * In a one-party-per-channel recording each channel often carries a faint copy of the other party
     * (crosstalk): speech found on a channel that is far quieter there than on the other channel is dropped.
     */
    private static List<Voiced> withoutCrosstalk(List<Voiced> voiced, PcmSpool pcm) throws java.io.IOException {
        List<Voiced> kept = new ArrayList<>();
        for (Voiced v : voiced) {
            double own = power(pcm.read(v.channel(), v.start(), v.end()));
            double other = power(pcm.read(1 - v.channel(), v.start(), v.end()));
            if (own * CROSSTALK_POWER_RATIO >= other) {
                kept.add(v);
            }
        }
        return kept;
    }

    /** 10 dB: a party's own channel is rarely quieter than that against the other channel's copy. */
    private static final double CROSSTALK_POWER_RATIO = 10;

    private static double power(float[] samples) {
        double sum = 0;
        for (float x : samples) {
            sum += x * x;
        }
        return sum / Math.max(1, samples.length);
    }

    private boolean separated(SpooledMedia spooled) throws Exception {
        ChannelSeparation separation = new ChannelSeparation();
        decoder.decode(spooled.file(), spooled.mimeType(), 2, separation);
        return separation.onePartyPerChannel();
    }

    /** Reports rising fractions only, in steps of at least 0.1 %. */
    private static final class Progress {
        private final ProgressListener listener;
        private long reported = -1;

        Progress(ProgressListener listener) {
            this.listener = listener;
        }

        synchronized void at(double fraction) {
            long permille = Math.round(Math.min(1.0, fraction) * 1000);
            if (permille > reported) {
                reported = permille;
                listener.progress(permille / 1000.0);
            }
        }
    }

    private static Transcript assemble(List<Stretch> stretches, List<String> texts) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        List<Turn> turns = new ArrayList<>();
        Turn open = null;
        for (int i = 0; i < stretches.size(); i++) {
            String text = texts.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            Stretch s = stretches.get(i);
            String label = labels.computeIfAbsent(s.speaker(), k -> "S" + (labels.size() + 1));
            long startMs = s.start() * 1000 / RATE;
            long endMs = s.end() * 1000 / RATE;
            if (open != null && open.speaker().equals(label)) {
                open = new Turn(label, open.startMs(), Math.max(open.endMs(), endMs), open.text() + " " + text);
            } else {
                if (open != null) {
                    turns.add(open);
                }
                open = new Turn(label, startMs, endMs, text);
            }
        }
        if (open == null) {
            return Transcript.EMPTY;
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
