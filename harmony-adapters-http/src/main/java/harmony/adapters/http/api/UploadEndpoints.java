package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Conversation;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.UploadInParts;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions.ReceivedPart;

import java.util.LinkedHashMap;
import java.util.Map;

/** Browser multipart uploads: open a session, send parts, ask what arrived, complete or abort. */
final class UploadEndpoints {
    private final UploadInParts uploads;
    private final Resources resources;

    UploadEndpoints(UploadInParts uploads, Resources resources) {
        this.uploads = uploads;
        this.resources = resources;
    }

    void register(Routes routes) {
        routes.create("/v1/uploads", x -> {
            JsonNode body = x.jsonObject();
            JsonNode size = body.get("size");
            if (size == null || !size.canConvertToLong()) {
                throw Params.bad("size", "Give the file's size in bytes.");
            }
            UploadSession s = uploads.startUpload(x.actor, text(body, "filename"), size.asLong(), text(body, "contentType"));
            return Reply.json(201, started(s)).withHeader("Location", "/v1/uploads/" + s.uploadId());
        });
        routes.get("/v1/uploads/{id}", x -> Reply.ok(status(uploads.uploadStatus(x.actor, x.path("id")))));
        routes.put("/v1/uploads/{id}/parts/{n}", x -> {
            int n = Params.intParam(x.path("n"), 0, 1, UploadSession.MAX_PARTS, "partNumber");
            ReceivedPart part = uploads.putPart(x.actor, x.path("id"), n, x.body());
            return Reply.ok(Map.of("partNumber", part.partNumber(), "sizeBytes", part.sizeBytes()));
        });
        routes.create("/v1/uploads/{id}/complete", x -> {
            Conversation c = uploads.completeUpload(x.actor, x.path("id"),
                    FormFields.fromJson(x.jsonObject()).withIdempotencyKey(x.idempotencyKey()));
            return Reply.json(201, resources.conversation(c, resources.names(x.actor)))
                    .withHeader("Location", "/v1/conversations/" + c.id());
        });
        routes.delete("/v1/uploads/{id}", x -> {
            uploads.abortUpload(x.actor, x.path("id"));
            return Reply.noContent();
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n != null && !n.isNull() && !n.isTextual()) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The field " + field + " must be text.");
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Map<String, Object> started(UploadSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uploadId", s.uploadId());
        m.put("partSize", s.partSize());
        m.put("partCount", s.partCount());
        m.put("parts", s.targets().stream().map(t -> Map.of("partNumber", t.partNumber(), "url", t.url().toString(),
                "method", t.method())).toList());
        m.put("expiresAt", s.expiresAt());
        return m;
    }

    private static Map<String, Object> status(UploadSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uploadId", s.uploadId());
        m.put("size", s.sizeBytes());
        m.put("partSize", s.partSize());
        m.put("partCount", s.partCount());
        m.put("parts", s.received().stream().map(p -> Map.of("partNumber", p.partNumber(), "sizeBytes", p.sizeBytes())).toList());
        m.put("expiresAt", s.expiresAt());
        return m;
    }
}
