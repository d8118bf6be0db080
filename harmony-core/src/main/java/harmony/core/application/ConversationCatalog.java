package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.ConversationForm;
import harmony.core.ingest.FormRules;
import harmony.core.ingest.ResolvedForm;
import harmony.core.port.in.Actor;
import harmony.core.port.in.DeleteConversation;
import harmony.core.port.in.FindConversations;
import harmony.core.port.in.MatchSpeaker;
import harmony.core.port.in.StreamRecording;
import harmony.core.port.in.UpdateConversation;
import harmony.core.port.out.ConversationAnalyses;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.Page;
import harmony.core.port.out.ProcessingScheduler;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.Transactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reading and organising existing conversations: find, fix properties, match speakers, delete. */
public final class ConversationCatalog
        implements FindConversations, UpdateConversation, MatchSpeaker, DeleteConversation, StreamRecording {
    private final Directory directory;
    private final ConversationRepository conversations;
    private final RecordingStore recordings;
    private final ConversationAnalyses analyses;
    private final ProcessingScheduler scheduler;
    private final Transactions transactions;
    private final Clock clock;
    private final FormRules formRules;

    public ConversationCatalog(Directory directory, ConversationRepository conversations, RecordingStore recordings,
                               ConversationAnalyses analyses, ProcessingScheduler scheduler, Transactions transactions,
                               Clock clock) {
        this.analyses = analyses;
        this.directory = directory;
        this.conversations = conversations;
        this.recordings = recordings;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
        this.formRules = new FormRules(directory);
    }

    @Override
    public Conversation getConversation(Actor actor, String conversationId) {
        return conversations.find(actor.workspaceId(), conversationId)
                .orElseThrow(() -> HarmonyException.notFound("The conversation"));
    }

    @Override
    public Page<Conversation> listConversations(Actor actor, ConversationQuery query) {
        ConversationQuery scoped = new ConversationQuery(actor.workspaceId(), query.status(), query.teamId(), query.ownerId(),
                query.contactId(), query.tag(), query.medium(), query.text(), query.limit(), query.cursor());
        return conversations.list(scoped);
    }

    @Override
    public Transcript getTranscript(Actor actor, String conversationId) {
        getConversation(actor, conversationId);
        return conversations.findTranscript(conversationId).orElse(Transcript.EMPTY);
    }

    @Override
    public Optional<ConversationAnalysis> getAnalysis(Actor actor, String conversationId) {
        getConversation(actor, conversationId);
        return analyses.find(conversationId);
    }

    @Override
    public Conversation updateConversation(Actor actor, String conversationId, ConversationPatch patch) {
        return transactions.inTransaction(() -> {
            Conversation current = getConversation(actor, conversationId);
            // The patched form goes through the upload form's rules: one place for every rule.
            ConversationForm form = new ConversationForm(
                    or(patch.teamId(), current.teamId()), or(patch.contactId(), current.contactId()),
                    or(patch.ownerId(), current.ownerId()), or(patch.medium(), current.medium().wireName()),
                    or(patch.title(), current.title()), current.occurredAt() == null ? null : current.occurredAt().toString(),
                    patch.tags() != null ? patch.tags() : current.tags(),
                    patch.customFields() != null ? patch.customFields() : current.customFields());
            ResolvedForm resolved = formRules.resolve(actor.workspaceId(), current.ownerId(), form);
            Conversation updated = current.toBuilder()
                    .teamId(resolved.teamId()).contactId(resolved.contactId()).ownerId(resolved.ownerId())
                    .medium(resolved.medium()).title(resolved.title() != null ? resolved.title() : current.title())
                    .tags(resolved.tags()).customFields(resolved.customFields())
                    .updatedAt(clock.instant())
                    .build();
            conversations.update(updated);
            return updated;
        });
    }

    @Override
    public Transcript matchSpeaker(Actor actor, String conversationId, String speakerLabel, SpeakerMatch match) {
        return transactions.inTransaction(() -> {
            getConversation(actor, conversationId);
            Transcript transcript = conversations.findTranscript(conversationId).orElse(Transcript.EMPTY);
            Speaker speaker = transcript.speaker(speakerLabel)
                    .orElseThrow(() -> HarmonyException.notFound("The speaker"));
            Speaker matched;
            if (match.contactId() != null && match.userId() == null) {
                matched = speaker.matchedToContact(directory.contact(actor.workspaceId(), match.contactId())
                        .orElseThrow(() -> invalid("contactId", "No such contact in this workspace.")));
            } else if (match.userId() != null && match.contactId() == null) {
                matched = speaker.matchedToUser(directory.user(actor.workspaceId(), match.userId())
                        .orElseThrow(() -> invalid("userId", "No such user in this workspace.")));
            } else {
                throw invalid("contactId", "Give either a contactId or a userId.");
            }
            Transcript updated = transcript.withSpeaker(matched);
            conversations.saveTranscript(conversationId, updated);
            return updated;
        });
    }

    @Override
    public void deleteConversation(Actor actor, String conversationId) {
        Conversation conversation = getConversation(actor, conversationId);
        // The media goes first: when storage is away the call fails with nothing changed and can be retried,
        // instead of leaving media behind for good under a record that is already gone.
        if (conversation.recording() != null) {
            try {
                recordings.delete(conversation.recording().storageKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        scheduler.cancel(conversationId);
        conversations.delete(actor.workspaceId(), conversationId);
    }

    @Override
    public RecordingStream openRecording(Actor actor, String conversationId, long offset, long length) throws IOException {
        Conversation conversation = getConversation(actor, conversationId);
        if (conversation.recording() == null) {
            throw HarmonyException.notFound("The recording");
        }
        var recording = conversation.recording();
        return new RecordingStream(recordings.open(recording.storageKey(), offset, length), recording.sizeBytes(),
                recording.mimeType(), recording.filename());
    }

    private static HarmonyException invalid(String field, String message) {
        return new HarmonyException(ErrorKind.INVALID, message, List.of(new FieldError(field, message)), null);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
