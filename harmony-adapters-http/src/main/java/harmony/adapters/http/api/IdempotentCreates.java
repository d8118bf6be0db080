package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.IdempotencyRecords;
import harmony.core.port.out.IdempotencyRecords.Entry;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body answer the first result again and
 * create nothing; the same key with another body is a 409. The request is hashed as it streams, so a
 * large upload is read once.
 * <p>The answer is recorded after the create commits, so a crash can fall between the two, and it is
 * kept for a day. For conversations neither matters: the key travels in the form and core stores it,
 * with a digest of the request, in the conversation's own transaction, so a retry (or a racing twin)
 * gets the conversation already made and the key sent with another request is a 409, at any time.
 */
final class IdempotentCreates {
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final Clock clock;

    IdempotentCreates(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    Reply run(Exchange x, Routes.Route route) throws Exception {
        String key = x.idempotencyKey();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        MessageDigest digest = sha256();
        digest.update((x.method() + " " + route.template() + " " + x.path("id") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // A multipart body is digested part by part, without the boundary the client picks afresh for
        // every request; any other body byte for byte.
        boolean multipart = StreamingMultipart.isMultipart(x.header("Content-Type"));
        if (multipart) {
            x.digestMultipartParts(digest);
        } else {
            x.wrapBody(in -> new DigestInputStream(in, digest));
        }
        String workspace = x.actor.workspaceId();

        Optional<Entry> earlier = records.find(workspace, key);
        if (earlier.isPresent()) {
            if (multipart) {
                x.multipart().readToEnd();
            }
            x.body().transferTo(OutputStream.nullOutputStream());
            return replay(earlier.get(), HexFormat.of().formatHex(digest.digest()));
        }
        Reply reply = route.endpoint().handle(x);
        x.body().transferTo(OutputStream.nullOutputStream());
        String hash = HexFormat.of().formatHex(digest.digest());
        Entry ours = new Entry(hash, reply.status(), reply.headers().get("Location"),
                Json.MAPPER.writeValueAsString(reply.body()), clock.instant());
        Entry stored = records.saveIfAbsent(workspace, key, ours);
        // A racing request with the same key recorded first: answer as it did (a 409 if the bodies differ).
        return stored == ours || stored.equals(ours) ? reply : replay(stored, hash);
    }

    private static Reply replay(Entry entry, String hash) throws IOException {
        if (!entry.requestHash().equals(hash)) {
            throw new HarmonyException(ErrorKind.CONFLICT, harmony.core.error.UserMessages.IDEMPOTENCY_KEY_REUSED);
        }
        Reply reply = Reply.json(entry.status(), Json.MAPPER.readTree(entry.body())).withHeader("Idempotent-Replayed", "true");
        return entry.location() == null ? reply : reply.withHeader("Location", entry.location());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
