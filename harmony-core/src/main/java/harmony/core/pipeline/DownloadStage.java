package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.error.UserMessages;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.ProgressListener;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.RemoteFiles;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.Transactions;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * Fetches a URL import's file into the recording store, checked as media on the way in, and attaches it to
 * the conversation as its recording. Reports the fraction downloaded when the server declared a length.
 * Rerunning replaces the stored file (same key); once a recording is attached the stage no longer applies.
 */
public final class DownloadStage implements Stage {
    public static final String NAME = "download";

    private final RemoteFiles remoteFiles;
    private final RecordingStore recordings;
    private final ConversationRepository conversations;
    private final Transactions transactions;
    private final MediaCheck mediaCheck;

    /** @param mediaCheck validates the bytes as media while they stream in: wire the upload validator here */
    public DownloadStage(RemoteFiles remoteFiles, RecordingStore recordings, ConversationRepository conversations,
                         Transactions transactions, MediaCheck mediaCheck) {
        this.remoteFiles = requireNonNull(remoteFiles, "remoteFiles");
        this.recordings = requireNonNull(recordings, "recordings");
        this.conversations = requireNonNull(conversations, "conversations");
        this.transactions = requireNonNull(transactions, "transactions");
        this.mediaCheck = requireNonNull(mediaCheck, "mediaCheck");
    }

    /** Where a conversation's downloaded recording is kept; one key per conversation, so a rerun replaces it. */
    public static String storageKey(Conversation conversation) {
        return "recordings/" + conversation.workspaceId() + "/" + conversation.id() + "/download";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProcessingStatus status() {
        return ProcessingStatus.DOWNLOADING;
    }

    @Override
    public boolean appliesTo(Conversation conversation) {
        return conversation.source().isRemote() && conversation.recording() == null;
    }

    @Override
    public void run(StageContext context) throws Exception {
        Conversation conversation = context.conversation();
        URI url = url(conversation);
        String key = storageKey(conversation);
        StoredObject stored;
        String filename;
        String mimeType;
        try (RemoteFiles.Download download = remoteFiles.open(url)) {
            filename = download.filename() != null ? download.filename() : lastSegment(url);
            InputStream counted = new Counting(download.content(), download.declaredLength(), context.progress());
            MediaCheck.Checked checked = mediaCheck.check(counted, filename);
            stored = recordings.put(key, checked.content());
            mimeType = checked.mimeType().get();
        }
        Recording recording = new Recording(stored.key(), filename, stored.sizeBytes(), mimeType, null, stored.sha256());
        transactions.inTransaction(() -> conversations.findById(conversation.id()).ifPresent(current ->
                conversations.update(current.toBuilder().recording(recording).build())));
    }

    private static URI url(Conversation conversation) {
        if (conversation.sourceUrl() == null || conversation.sourceUrl().isBlank()) {
            throw new PermanentStageFailure(PipelineMessages.SOURCE_URL_MISSING);
        }
        try {
            return URI.create(conversation.sourceUrl());
        } catch (IllegalArgumentException e) {
            throw new PermanentStageFailure(UserMessages.INVALID_URL, e);
        }
    }

    private static String lastSegment(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Reports the fraction read of a declared length, short of 1 until the store has it all. */
    private static final class Counting extends FilterInputStream {
        private final long declared;
        private final ProgressListener progress;
        private long read;

        Counting(InputStream in, long declared, ProgressListener progress) {
            super(in);
            this.declared = declared;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            read += n;
            if (declared > 0) {
                progress.progress(Math.min(0.99, read / (double) declared));
            }
        }
    }
}
