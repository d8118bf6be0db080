package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Transcript;

/** One JSON transcript shape: Harmony's own or a vendor's. */
interface TranscriptJson {

    /** The name a file's {@code format} field gives to choose this shape. */
    String name();

    /** Whether the root object has this shape's telltale fields. */
    boolean recognises(JsonNode root);

    Transcript map(JsonNode root);
}
