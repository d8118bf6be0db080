package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.domain.Recording;
import harmony.core.domain.Source;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.ingest.ConversationForm;
import harmony.core.ingest.FormRules;
import harmony.core.ingest.MediaTypeSniffer;
import harmony.core.ingest.ResolvedForm;
import harmony.core.ingest.UploadLimits;
import harmony.core.ingest.UploadValidator;
import harmony.core.port.in.Actor;
import harmony.core.port.in.UploadInParts;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.Ids;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StorageKeys;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions;
import harmony.core.port.out.UploadSessions.ReceivedPart;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Browser multipart uploads. The conversation id is minted when the session opens (an S3 multipart
 * upload fixes its key then); the conversation itself exists only after completion passed every check.
 */
public final class BrowserUploads implements UploadInParts {
    private final UploadSessions sessions;
    private final RecordingStore recordings;
    private final ConversationIngestion ingestion;
    private final FormRules formRules;
    private final Ids ids;
    private final UploadValidator validator = new UploadValidator();

    public BrowserUploads(UploadSessions sessions, RecordingStore recordings, ConversationIngestion ingestion,
                          Directory directory, Ids ids) {
        this.sessions = sessions;
        this.recordings = recordings;
        this.ingestion = ingestion;
        this.formRules = new FormRules(directory);
        this.ids = ids;
    }

    @Override
    public UploadSession startUpload(Actor actor, String filename, long sizeBytes, String contentType) throws IOException {
        if (sizeBytes <= 0) {
            throw new HarmonyException(ErrorKind.INVALID, UserMessages.EMPTY_FILE);
        }
        if (sizeBytes > UploadLimits.MEDIA_MAX_BYTES) {
            throw HarmonyException.tooLarge(UploadLimits.MEDIA_MAX_BYTES);
        }
        // The declared type is only a first answer; the stored bytes decide at completion.
        if (contentType != null && !contentType.isBlank() && !contentType.startsWith("application/octet-stream")
                && !MediaTypeSniffer.isAudioOrVideo(contentType)) {
            throw HarmonyException.unsupportedMedia();
        }
        String key = StorageKeys.recording(actor.workspaceId(), ids.newId());
        return sessions.create(new UploadSessions.NewUpload(actor.workspaceId(), key, filename, sizeBytes, contentType));
    }

    @Override
    public UploadSession uploadStatus(Actor actor, String uploadId) throws IOException {
        return owned(actor, uploadId);
    }

    @Override
    public ReceivedPart putPart(Actor actor, String uploadId, int partNumber, InputStream content) throws IOException {
        owned(actor, uploadId);
        try {
            return sessions.putPart(uploadId, partNumber, content);
        } catch (IllegalArgumentException e) {
            throw new HarmonyException(ErrorKind.INVALID, e.getMessage(), e);
        }
    }

    @Override
    public Conversation completeUpload(Actor actor, String uploadId, ConversationForm form) throws IOException {
        ConversationRepository.IdempotencyClaim claim = ConversationIngestion.claim(form, Source.BROWSER_UPLOAD, uploadId);
        Optional<Conversation> earlier = ingestion.earlier(actor, claim);
        if (earlier.isPresent()) {
            return earlier.get(); // a retry of a completion that went through
        }
        UploadSession session = owned(actor, uploadId);
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        StoredObject stored;
        try {
            stored = sessions.complete(uploadId);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new HarmonyException(ErrorKind.CONFLICT, e.getMessage(), e);
        }
        String conversationId = stored.key().substring(stored.key().lastIndexOf('/') + 1);
        Conversation created;
        try {
            String mimeType = checkStoredBytes(session, stored);
            Recording recording = new Recording(stored.key(), session.filename(), stored.sizeBytes(), mimeType, null, stored.sha256());
            created = ingestion.create(actor, conversationId, resolved, Source.BROWSER_UPLOAD, recording, null,
                    ConversationIngestion.titleFrom(session.filename()), Optional.empty(), claim);
        } catch (RuntimeException | IOException e) {
            if (ingestion.holds(actor, conversationId, e)) {
                // A twin completion of this upload made the conversation: the recording is its own.
                throw new HarmonyException(ErrorKind.CONFLICT, "This upload is already complete.", e);
            }
            recordings.delete(stored.key());
            throw e;
        }
        if (!created.id().equals(conversationId)) {
            recordings.delete(stored.key()); // another upload with the same key created it first
        }
        return created;
    }

    /** The same rules as a single-request upload, on what was actually stored. */
    private String checkStoredBytes(UploadSession session, StoredObject stored) throws IOException {
        if (stored.sizeBytes() > UploadLimits.MEDIA_MAX_BYTES) {
            throw HarmonyException.tooLarge(UploadLimits.MEDIA_MAX_BYTES);
        }
        try (InputStream head = recordings.open(stored.key(), 0, UploadLimits.SNIFF_BYTES)) {
            return validator.media(head, session.filename()).mimeType();
        }
    }

    @Override
    public void abortUpload(Actor actor, String uploadId) throws IOException {
        owned(actor, uploadId);
        sessions.abort(uploadId);
    }

    private UploadSession owned(Actor actor, String uploadId) throws IOException {
        return sessions.find(uploadId).filter(s -> s.owner().equals(actor.workspaceId()))
                .orElseThrow(() -> HarmonyException.notFound("The upload"));
    }
}
