package harmony.core.intelligence;

import static java.util.Objects.requireNonNull;

/**
 * A large language model that answers with JSON matching a JSON Schema (an OpenAI-compatible
 * chat endpoint with structured output, a local model, …). Callers treat the answer as untrusted:
 * they parse and check it, and fall back to rules when it is wrong. Any exception means "no answer";
 * a {@link harmony.core.error.HarmonyException} of kind UNAVAILABLE marks one worth retrying later.
 *
 * <p>An out-port like those in {@code port.out}, kept beside its only users so that {@code port.out}
 * can speak of intelligence's values (projects, analyses) without a package cycle.
 */
public interface LanguageModel {

    /** The JSON text of the answer. */
    String complete(Request request) throws Exception;

    /** How many words of input one request may carry; longer transcripts are split (map-reduce). */
    default int maxInputWords() {
        return 6_000;
    }

    /**
     * @param instructions what to do (the system prompt)
     * @param input        the material (transcript excerpt, partial results)
     * @param schemaName   a short name for the schema ({@code conversation_extraction})
     * @param jsonSchema   the JSON Schema the answer must match
     */
    record Request(String instructions, String input, String schemaName, String jsonSchema) {
        public Request {
            requireNonNull(instructions, "instructions");
            requireNonNull(input, "input");
            requireNonNull(schemaName, "schemaName");
            requireNonNull(jsonSchema, "jsonSchema");
        }
    }
}
