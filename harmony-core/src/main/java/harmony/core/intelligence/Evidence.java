package harmony.core.intelligence;

/**
 * Where in the transcript something was said: the speaker's label and shown name, the time from
 * the start (estimated from word positions when the transcript has no times), and the words.
 */
public record Evidence(String speaker, String speakerName, long startMs, String quote) {
}
