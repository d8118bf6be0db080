package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.MediaSource;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.Transactions;
import harmony.core.port.out.Transcriber;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import static java.util.Objects.requireNonNull;

/**
 * Speech to text for media conversations: reads the stored recording, transcribes it with speakers while
 * reporting the fraction of audio processed, replaces the conversation's transcript and records the
 * recording's duration.
 */
public final class TranscriptionStage implements Stage {
    public static final String NAME = "transcription";

    private final Transcriber transcriber;
    private final RecordingStore recordings;
    private final ConversationRepository conversations;
    private final Transactions transactions;

    public TranscriptionStage(Transcriber transcriber, RecordingStore recordings, ConversationRepository conversations,
                              Transactions transactions) {
        this.transcriber = requireNonNull(transcriber, "transcriber");
        this.recordings = requireNonNull(recordings, "recordings");
        this.conversations = requireNonNull(conversations, "conversations");
        this.transactions = requireNonNull(transactions, "transactions");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProcessingStatus status() {
        return ProcessingStatus.TRANSCRIBING;
    }

    @Override
    public boolean appliesTo(Conversation conversation) {
        return conversation.source().isMedia();
    }

    @Override
    public void run(StageContext context) throws Exception {
        Conversation conversation = context.conversation();
        Recording recording = conversation.recordingIfAny()
                .orElseThrow(() -> new PermanentStageFailure(PipelineMessages.RECORDING_MISSING));
        if (recordings.stat(recording.storageKey()).isEmpty()) {
            throw new PermanentStageFailure(PipelineMessages.RECORDING_MISSING);
        }
        Transcriber.Transcription result = transcriber.transcribe(new StoredMedia(recordings, recording), context.progress());
        transactions.inTransaction(() -> {
            conversations.saveTranscript(conversation.id(), result.transcript());
            // Re-read: the user may have edited the conversation while it was being transcribed.
            conversations.findById(conversation.id()).ifPresent(current -> current.recordingIfAny().ifPresent(r ->
                    conversations.update(current.toBuilder().recording(r.withDurationMs(result.durationMs())).build())));
        });
    }

    /** A recording in the store, opened afresh on every {@link #open()}. */
    private record StoredMedia(RecordingStore store, Recording recording) implements MediaSource {
        @Override
        public InputStream open() throws IOException {
            try {
                return store.open(recording.storageKey());
            } catch (FileNotFoundException e) {
                throw new PermanentStageFailure(PipelineMessages.RECORDING_MISSING, e);
            }
        }

        @Override
        public String mimeType() {
            return recording.mimeType();
        }

        @Override
        public long sizeBytes() {
            return recording.sizeBytes();
        }
    }
}
