package harmony.core.ingest.transcript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A conversation whose people and messages are known, as a structured import sends it (chat logs,
 * exported message threads). Fields are kept as sent; {@link StructuredConversationReader}
 * checks them and names the place of any mistake.
 *
 * @param participants who takes part: {@code id}, {@code name}, optional {@code email}, and
 *                     {@code kind} one of {@code contact}, {@code user}, {@code external}
 * @param messages     what each said: {@code participantId}, {@code sentAt} (ISO-8601 with a zone,
 *                     e.g. {@code 2026-11-28T16:00:00Z}) and {@code text}
 */
public record StructuredImport(List<Participant> participants, List<Message> messages) {

    public StructuredImport {
        // Copies that keep null entries, so the reader can name the place of a missing one.
        participants = participants == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(participants));
        messages = messages == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(messages));
    }

    public record Participant(String id, String name, String email, String kind) {
    }

    public record Message(String participantId, String sentAt, String text) {
    }
}
