package harmony.core.intelligence.text;

import java.time.LocalDate;

/**
 * A date said in a text, resolved against the meeting's date.
 *
 * @param deadline true when the words mark it as a deadline ("by", "before", "until", "no later than")
 */
public record DateMention(LocalDate date, int start, int end, String phrase, boolean deadline) {
}
