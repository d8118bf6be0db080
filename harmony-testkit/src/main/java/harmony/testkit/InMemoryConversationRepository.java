package harmony.testkit;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.ConversationRepository.Claimed;
import harmony.core.port.out.ConversationRepository.IdempotencyClaim;
import harmony.core.port.out.Page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Conversations in maps. Search matches when every word of the query is a word of the title or
 * transcript, ignoring case: the behaviour the contract suite pins for every adapter.
 */
public final class InMemoryConversationRepository implements ConversationRepository {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Comparator<Conversation> NEWEST_FIRST =
            Comparator.comparing(Conversation::createdAt).reversed().thenComparing(Conversation::id, Comparator.reverseOrder());

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();
    /** Workspace and idempotency key to the conversation id a create with them stored, and its claim. */
    private final Map<List<String>, Claim> idempotencyKeys = new ConcurrentHashMap<>();

    private record Claim(String conversationId, IdempotencyClaim claim) {
    }

    @Override
    public synchronized Conversation create(Conversation conversation, Optional<Transcript> transcript, IdempotencyClaim claim) {
        if (claim != null) {
            Optional<Claimed> earlier = findByIdempotencyKey(conversation.workspaceId(), claim.key());
            if (earlier.isPresent()) {
                return earlier.get().conversation();
            }
        }
        if (conversations.putIfAbsent(conversation.id(), conversation) != null) {
            throw new IllegalStateException("conversation exists: " + conversation.id());
        }
        transcript.ifPresent(t -> transcripts.put(conversation.id(), t));
        if (claim != null) {
            idempotencyKeys.put(List.of(conversation.workspaceId(), claim.key()), new Claim(conversation.id(), claim));
        }
        return conversation;
    }

    @Override
    public Optional<Claimed> findByIdempotencyKey(String workspaceId, String idempotencyKey) {
        Claim held = idempotencyKeys.get(List.of(workspaceId, idempotencyKey));
        return held == null ? Optional.empty()
                : Optional.ofNullable(conversations.get(held.conversationId())).map(c -> new Claimed(c, held.claim()));
    }

    @Override
    public void update(Conversation conversation) {
        if (conversations.replace(conversation.id(), conversation) == null) {
            throw new IllegalStateException("no conversation " + conversation.id());
        }
    }

    @Override
    public Optional<Conversation> find(String workspaceId, String conversationId) {
        return findById(conversationId).filter(c -> c.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Conversation> findById(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public Page<Conversation> list(ConversationQuery q) {
        Set<String> words = q.text() == null ? Set.of() : words(q.text());
        Stream<Conversation> matching = conversations.values().stream()
                .filter(c -> c.workspaceId().equals(q.workspaceId()))
                .filter(c -> q.status() == null || c.status() == q.status())
                .filter(c -> q.teamId() == null || c.teamId().equals(q.teamId()))
                .filter(c -> q.ownerId() == null || c.ownerId().equals(q.ownerId()))
                .filter(c -> q.contactId() == null || c.contactId().equals(q.contactId()))
                .filter(c -> q.medium() == null || c.medium() == q.medium())
                .filter(c -> q.tag() == null || c.tags().contains(q.tag()))
                .filter(c -> words.isEmpty() || searchableWords(c).containsAll(words));
        if (q.cursor() != null) {
            Cursor after = Cursor.decode(q.cursor());
            matching = matching.filter(c -> NEWEST_FIRST.compare(c, after.probe(c)) > 0);
        }
        List<Conversation> page = matching.sorted(NEWEST_FIRST).limit(q.limit() + 1L).toList();
        if (page.size() <= q.limit()) {
            return new Page<>(page, null);
        }
        Conversation last = page.get(q.limit() - 1);
        return new Page<>(page.subList(0, q.limit()), new Cursor(last.createdAt(), last.id()).encode());
    }

    private Set<String> searchableWords(Conversation c) {
        Transcript t = transcripts.get(c.id());
        return words(c.title() + " " + (t == null ? "" : t.fullText()));
    }

    private static Set<String> words(String text) {
        return Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public void saveTranscript(String conversationId, Transcript transcript) {
        if (!conversations.containsKey(conversationId)) {
            throw new IllegalStateException("no conversation " + conversationId);
        }
        transcripts.put(conversationId, transcript);
    }

    @Override
    public Optional<Transcript> findTranscript(String conversationId) {
        return Optional.ofNullable(transcripts.get(conversationId));
    }

    @Override
    public boolean delete(String workspaceId, String conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c == null || !c.workspaceId().equals(workspaceId)) {
            return false;
        }
        transcripts.remove(conversationId);
        idempotencyKeys.values().removeIf(held -> held.conversationId().equals(conversationId));
        return conversations.remove(conversationId) != null;
    }

    /** Position after the last item of a page: its creation time and id. */
    private record Cursor(Instant createdAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw new HarmonyException(ErrorKind.MALFORMED, "The cursor is not valid.", e);
            }
        }

        /** A conversation with this cursor's sort key, to compare others against. */
        Conversation probe(Conversation template) {
            return template.toBuilder().createdAt(createdAt).id(id).build();
        }
    }
}
