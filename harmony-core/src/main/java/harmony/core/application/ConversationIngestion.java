package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.domain.Contact;
import harmony.core.domain.Recording;
import harmony.core.domain.Source;
import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.ingest.ConversationForm;
import harmony.core.ingest.FormRules;
import harmony.core.ingest.ResolvedForm;
import harmony.core.ingest.UploadValidator;
import harmony.core.ingest.UrlRules;
import harmony.core.ingest.transcript.PastedTranscriptReader;
import harmony.core.ingest.transcript.StructuredConversationReader;
import harmony.core.ingest.transcript.StructuredImport;
import harmony.core.ingest.transcript.TranscriptFileReader;
import harmony.core.port.in.Actor;
import harmony.core.port.in.CheckUrl;
import harmony.core.port.in.ImportFromUrl;
import harmony.core.port.in.ImportStructuredConversation;
import harmony.core.port.in.SubmitTranscript;
import harmony.core.port.in.UploadRecording;
import harmony.core.port.in.UploadTranscriptFile;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.ConversationRepository.IdempotencyClaim;
import harmony.core.port.out.Directory;
import harmony.core.port.out.Ids;
import harmony.core.port.out.ProcessingScheduler;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.RemoteFiles;
import harmony.core.port.out.StorageKeys;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.Transactions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates conversations from every kind of upload, atomically, and queues them for processing. */
public final class ConversationIngestion implements UploadRecording, ImportFromUrl, CheckUrl, SubmitTranscript,
        UploadTranscriptFile, ImportStructuredConversation {
    private final Directory directory;
    private final ConversationRepository conversations;
    private final RecordingStore recordings;
    private final RemoteFiles remoteFiles;
    private final ProcessingScheduler scheduler;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;
    private final FormRules formRules;
    private final UploadValidator validator;
    private final PastedTranscriptReader pastedReader = new PastedTranscriptReader();
    private final TranscriptFileReader fileReader = new TranscriptFileReader();
    private final StructuredConversationReader structuredReader;

    public ConversationIngestion(Directory directory, ConversationRepository conversations, RecordingStore recordings,
                                 RemoteFiles remoteFiles, ProcessingScheduler scheduler, Transactions transactions,
                                 Ids ids, Clock clock) {
        this.directory = directory;
        this.conversations = conversations;
        this.recordings = recordings;
        this.remoteFiles = remoteFiles;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.formRules = new FormRules(directory);
        this.validator = new UploadValidator();
        this.structuredReader = new StructuredConversationReader(directory);
    }

    @Override
    public Conversation uploadRecording(Actor actor, ConversationForm form, String filename, InputStream content)
            throws IOException {
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        UploadValidator.CheckedMedia media = validator.media(content, filename);
        String id = ids.newId();
        String key = StorageKeys.recording(actor.workspaceId(), id);
        StoredObject stored = recordings.put(key, media.content());
        Recording recording = new Recording(key, filename, stored.sizeBytes(), media.mimeType(), null, stored.sha256());
        // A retry is known by its bytes, so it stores them again and keeps the first copy.
        IdempotencyClaim claim = claim(form, Source.FILE_UPLOAD, filename, stored.sha256() + "/" + stored.sizeBytes());
        Conversation created;
        try {
            created = create(actor, id, resolved, Source.FILE_UPLOAD, recording, null, titleFrom(filename), Optional.empty(), claim);
        } catch (RuntimeException e) {
            if (!holds(actor, id, e)) { // a commit reported as failed may still have stored it
                recordings.delete(key);
            }
            throw e;
        }
        if (!created.id().equals(id)) {
            recordings.delete(key);
        }
        return created;
    }

    @Override
    public Conversation importFromUrl(Actor actor, String url, ConversationForm form) {
        IdempotencyClaim claim = claim(form, Source.URL_IMPORT, url);
        Optional<Conversation> earlier = earlier(actor, claim);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        URI uri = UrlRules.parse(url);
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        if (!remoteFiles.isPubliclyAccessible(uri)) {
            throw HarmonyException.urlNotAccessible();
        }
        return create(actor, ids.newId(), resolved, Source.URL_IMPORT, null, uri.toString(),
                titleFrom(lastPathSegment(uri)), Optional.empty(), claim);
    }

    @Override
    public UrlCheck checkUrl(String url) {
        URI uri;
        try {
            uri = UrlRules.parse(url);
        } catch (HarmonyException e) {
            return new UrlCheck(false, e.getMessage());
        }
        return remoteFiles.isPubliclyAccessible(uri)
                ? new UrlCheck(true, UserMessages.URL_ACCESSIBLE)
                : new UrlCheck(false, UserMessages.URL_NOT_ACCESSIBLE);
    }

    @Override
    public Conversation submitTranscript(Actor actor, ConversationForm form, String text) {
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        Transcript transcript = pastedReader.read(text == null ? "" : text);
        return create(actor, ids.newId(), resolved, Source.TRANSCRIPT_PASTE, null, null, null, Optional.of(transcript),
                claim(form, Source.TRANSCRIPT_PASTE, text));
    }

    @Override
    public Conversation uploadTranscriptFile(Actor actor, ConversationForm form, String filename, InputStream content)
            throws IOException {
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        Transcript transcript = fileReader.read(filename, content);
        return create(actor, ids.newId(), resolved, Source.TRANSCRIPT_FILE, null, null, titleFrom(filename),
                Optional.of(transcript), claim(form, Source.TRANSCRIPT_FILE, filename, transcript.toString()));
    }

    @Override
    public Conversation importStructured(Actor actor, ConversationForm form, StructuredImport conversation) {
        ResolvedForm resolved = formRules.resolve(actor.workspaceId(), actor.userId(), form);
        Transcript transcript = structuredReader.read(actor.workspaceId(), conversation);
        if (resolved.occurredAt() == null && !conversation.messages().isEmpty()) {
            // A chat happened when its first message was sent.
            resolved = new ResolvedForm(resolved.teamId(), resolved.contactId(), resolved.ownerId(), resolved.medium(),
                    resolved.title(), firstSentAt(conversation), resolved.tags(), resolved.customFields());
        }
        return create(actor, ids.newId(), resolved, Source.STRUCTURED_IMPORT, null, null, null, Optional.of(transcript),
                claim(form, Source.STRUCTURED_IMPORT, conversation.toString()));
    }

    private static Instant firstSentAt(StructuredImport conversation) {
        return conversation.messages().stream()
                .map(m -> { try { return Instant.parse(m.sentAt()); } catch (RuntimeException e) { return null; } })
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    /**
     * The claim a create makes on the form's idempotency key (null without one): the key, and a digest
     * of the request as the client sent it — source, form and content — that tells a retry from the
     * key sent again with another request.
     */
    static IdempotencyClaim claim(ConversationForm form, Source source, String... content) {
        if (form.idempotencyKey() == null) {
            return null;
        }
        MessageDigest digest = sha256();
        update(digest, source.name());
        for (String field : new String[] {form.teamId(), form.contactId(), form.ownerId(), form.medium(), form.title(),
                form.occurredAt()}) {
            update(digest, field);
        }
        value(digest, form.tags());
        value(digest, form.customFields());
        for (String part : content) {
            update(digest, part);
        }
        return new IdempotencyClaim(form.idempotencyKey(), HexFormat.of().formatHex(digest.digest()));
    }

    /** A form value with its kind, so that {@code 1}, {@code "1"} and {@code ["1"]} digest apart. */
    private static void value(MessageDigest digest, Object v) {
        if (v instanceof Map<?, ?> map) {
            update(digest, "map " + map.size());
            map.forEach((k, item) -> {
                update(digest, String.valueOf(k));
                value(digest, item);
            });
        } else if (v instanceof List<?> list) {
            update(digest, "list " + list.size());
            list.forEach(item -> value(digest, item));
        } else {
            update(digest, v == null ? "null" : v.getClass().getSimpleName());
            update(digest, v == null ? null : v.toString());
        }
    }

    /** Length first (-1 for null), so that no two different sequences of parts digest alike. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part == null ? -1 : bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a stored conversation has this id, asked after a create failed: media it points to must
     * stay. False when the records cannot be read either, so the caller cleans up as for any failure.
     */
    boolean holds(Actor actor, String conversationId, Exception failure) {
        try {
            return conversations.find(actor.workspaceId(), conversationId).isPresent();
        } catch (RuntimeException unknown) {
            failure.addSuppressed(unknown);
            return false;
        }
    }

    /**
     * The conversation an earlier create with the claim's key made, when this is a retry of it; the key
     * sent with another request is a conflict.
     */
    Optional<Conversation> earlier(Actor actor, IdempotencyClaim claim) {
        if (claim == null) {
            return Optional.empty();
        }
        return conversations.findByIdempotencyKey(actor.workspaceId(), claim.key()).map(earlier -> {
            if (!earlier.claim().fingerprint().equals(claim.fingerprint())) {
                throw new HarmonyException(ErrorKind.CONFLICT, UserMessages.IDEMPOTENCY_KEY_REUSED);
            }
            return earlier.conversation();
        });
    }

    /**
     * The one way a conversation comes to exist: record and first job in one transaction. When the
     * claim's key already created a conversation, that one is answered (or, for another request, a
     * conflict raised) and nothing is stored or scheduled; the key is stored with the record, so no
     * crash can separate the two.
     */
    Conversation create(Actor actor, String id, ResolvedForm form, Source source, Recording recording, String sourceUrl,
                        String fallbackTitle, Optional<Transcript> transcript, IdempotencyClaim claim) {
        Instant now = clock.instant();
        String title = form.title() != null ? form.title() : fallbackTitle != null ? fallbackTitle : defaultTitle(actor, form);
        Conversation conversation = new Conversation.Builder()
                .id(id)
                .workspaceId(actor.workspaceId())
                .reference(ids.newReference())
                .title(title)
                .source(source)
                .medium(form.medium())
                .teamId(form.teamId())
                .contactId(form.contactId())
                .ownerId(form.ownerId())
                .tags(form.tags())
                .customFields(form.customFields())
                .recording(recording)
                .sourceUrl(sourceUrl)
                .occurredAt(form.occurredAt() != null ? form.occurredAt() : now)
                .createdAt(now)
                .updatedAt(now)
                .build();
        // What the repository answers is ours only if it is this very record: a twin completion of a browser
        // upload carries the same id, but not the same reference or times.
        Conversation stored = transactions.inTransaction(() -> {
            Conversation created = conversations.create(conversation, transcript, claim);
            if (created.equals(conversation)) {
                scheduler.schedule(conversation);
            }
            return created;
        });
        return stored.equals(conversation) ? stored : earlier(actor, claim).orElse(stored);
    }

    /** "Call with Dana Reyes" when nothing better is known. */
    private String defaultTitle(Actor actor, ResolvedForm form) {
        String medium = form.medium().wireName();
        String contact = directory.contact(actor.workspaceId(), form.contactId()).map(Contact::name).orElse("a contact");
        return Character.toUpperCase(medium.charAt(0)) + medium.substring(1) + " with " + contact;
    }

    static String titleFrom(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replace('_', ' ').trim();
        return base.isEmpty() ? null : base.length() > FormRules.MAX_TITLE ? base.substring(0, FormRules.MAX_TITLE) : base;
    }

    private static String lastPathSegment(URI uri) {
        String path = uri.getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
