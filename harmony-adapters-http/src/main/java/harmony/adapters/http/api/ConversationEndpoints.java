package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.ProcessingStatus;
import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.ingest.ConversationForm;
import harmony.core.ingest.transcript.StructuredImport;
import harmony.core.port.in.CheckUrl.UrlCheck;
import harmony.core.port.in.MatchSpeaker.SpeakerMatch;
import harmony.core.port.in.StreamRecording.RecordingStream;
import harmony.core.port.in.UpdateConversation.ConversationPatch;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.Page;
import org.eclipse.jetty.http.HttpHeader;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creating, reading and organising conversations. */
final class ConversationEndpoints {
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final ApiUseCases useCases;
    private final Resources resources;

    ConversationEndpoints(ApiUseCases useCases, Resources resources) {
        this.useCases = useCases;
        this.resources = resources;
    }

    void register(Routes routes) {
        routes.create("/v1/conversations/upload", x -> multipartCreate(x,
                (form, filename, content) -> useCases.uploadRecording().uploadRecording(x.actor, form, filename, content)));
        routes.create("/v1/conversations/transcript-upload", x -> multipartCreate(x,
                (form, filename, content) -> useCases.uploadTranscriptFile().uploadTranscriptFile(x.actor, form, filename, content)));
        routes.create("/v1/conversations", this::submitTranscript);
        routes.create("/v1/conversations/structured-import", this::importStructured);
        routes.create("/v1/conversations/import-url", this::importUrl);
        routes.post("/v1/url-checks", this::checkUrl);
        routes.get("/v1/conversations", this::list);
        routes.get("/v1/conversations/{id}", this::getOne);
        routes.patch("/v1/conversations/{id}", this::patch);
        routes.delete("/v1/conversations/{id}", x -> {
            useCases.delete().deleteConversation(x.actor, x.path("id"));
            return Reply.noContent();
        });
        routes.get("/v1/conversations/{id}/transcript",
                x -> Reply.ok(Resources.transcript(useCases.find().getTranscript(x.actor, x.path("id")))));
        routes.put("/v1/conversations/{id}/speakers/{label}", this::matchSpeaker);
        routes.get("/v1/conversations/{id}/recording", this::recording);
        routes.post("/v1/conversations/{id}/reprocess",
                x -> Reply.json(202, view(x, useCases.reprocess().reprocess(x.actor, x.path("id")))));
    }

    /** What to do with the file part, given the form fields that came before it and the part's name and content. */
    @FunctionalInterface
    private interface FilePartHandler {
        Conversation create(ConversationForm form, String filename, InputStream content) throws Exception;
    }

    /**
     * Fields first, then the file part streams straight through validation into storage. The file must
     * be the last part: one that follows it is refused as the file's content ends, before anything is
     * stored or created, so a malformed request leaves nothing behind and undoes nothing.
     */
    private Reply multipartCreate(Exchange x, FilePartHandler handler) throws Exception {
        StreamingMultipart multipart = x.multipart();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Conversation created = null;
        for (var part = multipart.next(); part.isPresent(); part = multipart.next()) {
            String name = part.get().name();
            if ("file".equals(name)) {
                InputStream content = part.get().contentAsLast(following -> new HarmonyException(ErrorKind.MALFORMED,
                        "file".equals(following.name()) ? "Send one file per upload." : "Send the form fields before the file part."));
                created = handler.create(FormFields.fromParts(fields).withIdempotencyKey(x.idempotencyKey()),
                        part.get().filename(), content);
                content.transferTo(OutputStream.nullOutputStream()); // a reader that stopped early still meets the check
            } else if (name != null) {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(part.get().text(MAX_FIELD_BYTES));
            }
        }
        if (created == null) {
            throw new HarmonyException(ErrorKind.INVALID, UserMessages.REQUIRED_FIELDS_MISSING,
                    List.of(new FieldError("file", UserMessages.REQUIRED)), null);
        }
        return created(x, created, 201);
    }

    private Reply submitTranscript(Exchange x) throws Exception {
        JsonNode body = x.jsonObject();
        JsonNode text = body.get("transcript");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw new HarmonyException(ErrorKind.INVALID, UserMessages.FIELDS_INVALID,
                    List.of(new FieldError("transcript", "Send the transcript as text.")), null);
        }
        if (text == null || text.isNull() || text.asText().isBlank()) {
            throw new HarmonyException(ErrorKind.INVALID, UserMessages.REQUIRED_FIELDS_MISSING,
                    List.of(new FieldError("transcript", UserMessages.REQUIRED)), null);
        }
        return created(x, useCases.submitTranscript().submitTranscript(x.actor, createForm(x, body), text.asText()), 201);
    }

    private Reply importStructured(Exchange x) throws Exception {
        JsonNode body = x.jsonObject();
        StructuredImport conversation;
        try {
            conversation = new StructuredImport(
                    Json.MAPPER.convertValue(arrayOrEmpty(body, "participants"), PARTICIPANTS),
                    Json.MAPPER.convertValue(arrayOrEmpty(body, "messages"), MESSAGES));
        } catch (IllegalArgumentException e) {
            throw new HarmonyException(ErrorKind.INVALID, "Send participants and messages as lists of objects.");
        }
        return created(x, useCases.importStructured().importStructured(x.actor, createForm(x, body), conversation), 201);
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<List<StructuredImport.Participant>> PARTICIPANTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };
    private static final com.fasterxml.jackson.core.type.TypeReference<List<StructuredImport.Message>> MESSAGES =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private static JsonNode arrayOrEmpty(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Json.MAPPER.createArrayNode();
        }
        if (!n.isArray()) {
            throw new HarmonyException(ErrorKind.INVALID, "Send " + field + " as a list.",
                    List.of(new FieldError(field, "Send a list.")), null);
        }
        return n;
    }

    /** The form of a create, carrying the request's Idempotency-Key into the transaction that creates. */
    private static ConversationForm createForm(Exchange x, JsonNode body) {
        return FormFields.fromJson(body).withIdempotencyKey(x.idempotencyKey());
    }

    private Reply importUrl(Exchange x) throws Exception {
        JsonNode body = x.jsonObject();
        JsonNode url = body.get("url");
        Conversation c = useCases.importFromUrl().importFromUrl(x.actor, url == null || url.isNull() ? null : url.asText(),
                createForm(x, body));
        return created(x, c, 202);
    }

    private Reply checkUrl(Exchange x) throws Exception {
        JsonNode url = x.jsonObject().get("url");
        UrlCheck check = useCases.checkUrl().checkUrl(url == null || url.isNull() ? null : url.asText());
        return Reply.ok(Map.of("accessible", check.accessible(), "message", check.message()));
    }

    private Reply list(Exchange x) {
        ProcessingStatus status = null;
        if (x.query("status") != null) {
            try {
                status = ProcessingStatus.fromWireName(x.query("status"));
            } catch (IllegalArgumentException e) {
                throw Params.bad("status", "Use one of queued, downloading, transcribing, extracting, generating_insights, "
                        + "evaluating_goals, scoring, completed, failed.");
            }
        }
        Medium medium = null;
        if (x.query("medium") != null) {
            medium = Medium.fromWireName(x.query("medium")).orElseThrow(() -> Params.bad("medium", "Use call, video or chat."));
        }
        int limit = Params.intParam(x.query("limit"), ConversationQuery.DEFAULT_LIMIT, 1, ConversationQuery.MAX_LIMIT, "limit");
        ConversationQuery q = new ConversationQuery(x.actor.workspaceId(), status, x.query("team"), x.query("owner"),
                x.query("contact"), x.query("tag"), medium, blankToNull(x.query("q")), limit, blankToNull(x.query("cursor")));
        Page<Conversation> page = useCases.find().listConversations(x.actor, q);
        Resources.Names names = resources.names(x.actor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(c -> resources.conversation(c, names)).toList());
        body.put("nextCursor", page.nextCursor());
        return Reply.ok(body);
    }

    private Reply patch(Exchange x) throws Exception {
        JsonNode body = x.jsonObject();
        ConversationForm f = FormFields.fromJson(body);
        ConversationPatch patch = new ConversationPatch(f.teamId(), f.ownerId(), f.contactId(), f.medium(), f.title(),
                body.has("tags") ? f.tags() : null, body.has("customFields") ? f.customFields() : null);
        return Reply.ok(view(x, useCases.update().updateConversation(x.actor, x.path("id"), patch)));
    }

    private Reply matchSpeaker(Exchange x) throws Exception {
        JsonNode body = x.jsonObject();
        String contactId = body.hasNonNull("contactId") ? body.get("contactId").asText() : null;
        String userId = body.hasNonNull("userId") ? body.get("userId").asText() : null;
        var transcript = useCases.matchSpeaker().matchSpeaker(x.actor, x.path("id"), x.path("label"),
                new SpeakerMatch(contactId, userId));
        return Reply.ok(Resources.transcript(transcript));
    }

    /** Streams the media; a single {@code bytes=a-b} range answers 206 for seeking players. */
    private Reply recording(Exchange x) throws Exception {
        ByteRange range = ByteRange.parse(x.header("Range"));
        RecordingStream whole = useCases.streamRecording().openRecording(x.actor, x.path("id"), 0, 0);
        whole.content().close();
        long total = whole.totalBytes();
        long from = 0;
        long length = total;
        if (range != null) {
            if (!range.satisfiable(total)) { // RFC 9110: 416 with the size, so a player can ask again
                return Reply.json(416, Problems.body(416, "The requested range is not satisfiable.",
                        org.eclipse.jetty.server.Request.getPathInContext(x.request)))
                        .withHeader(HttpHeader.CONTENT_RANGE.asString(), "bytes */" + total);
            }
            from = range.start(total);
            length = range.end(total) - from + 1;
        }
        RecordingStream media = useCases.streamRecording().openRecording(x.actor, x.path("id"), from, length);
        x.response.setStatus(range == null ? 200 : 206);
        x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, media.mimeType());
        x.response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        x.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (range != null) {
            x.response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + from + "-" + (from + length - 1) + "/" + total);
        }
        try (InputStream in = media.content(); OutputStream out = HarmonyApi.stream(x.response)) {
            if (!"HEAD".equals(x.method())) {
                in.transferTo(out);
            }
        }
        return Reply.WRITTEN;
    }

    /** One conversation with what processing found, names as matched now. */
    private Reply getOne(Exchange x) {
        Conversation c = useCases.find().getConversation(x.actor, x.path("id"));
        Map<String, Object> resource = view(x, c);
        useCases.find().getAnalysis(x.actor, c.id()).ifPresent(analysis ->
                AnalysisView.addTo(resource, analysis, useCases.find().getTranscript(x.actor, c.id())));
        return Reply.ok(resource);
    }

    private Reply created(Exchange x, Conversation c, int status) {
        return Reply.json(status, view(x, c)).withHeader("Location", "/v1/conversations/" + c.id());
    }

    private Map<String, Object> view(Exchange x, Conversation c) {
        return resources.conversation(c, resources.names(x.actor));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
