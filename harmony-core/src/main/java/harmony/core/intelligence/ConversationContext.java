package harmony.core.intelligence;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.text.DateMention;
import harmony.core.intelligence.text.Document;
import harmony.core.intelligence.text.RelativeDates;
import harmony.core.intelligence.text.Sentence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What every stage reads: the conversation (when it happened, team, tags, medium, custom fields),
 * its transcript, who the speakers are, and the time zone relative dates resolve in. The transcript
 * is split into sentences once, on first use, and shared by the stages.
 */
public final class ConversationContext {
    private final Conversation conversation;
    private final Transcript transcript;
    private final SpeakerResolver speakers;
    private final ZoneId zone;
    private volatile Document document;
    private volatile List<List<DateMention>> dates;

    public ConversationContext(Conversation conversation, Transcript transcript, SpeakerResolver speakers, ZoneId zone) {
        this.conversation = requireNonNull(conversation, "conversation");
        this.transcript = requireNonNull(transcript, "transcript");
        this.speakers = requireNonNull(speakers, "speakers");
        this.zone = requireNonNull(zone, "zone");
    }

    /** Speakers from the transcript alone; dates in UTC. */
    public static ConversationContext of(Conversation conversation, Transcript transcript) {
        return new ConversationContext(conversation, transcript, Participants.of(transcript), ZoneOffset.UTC);
    }

    public Conversation conversation() {
        return conversation;
    }

    public Transcript transcript() {
        return transcript;
    }

    public SpeakerResolver speakers() {
        return speakers;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day the conversation took place (its creation day when the occurrence is unknown). */
    public LocalDate meetingDate() {
        var at = conversation.occurredAt() != null ? conversation.occurredAt() : conversation.createdAt();
        return at.atZone(zone).toLocalDate();
    }

    public Document document() {
        Document d = document;
        if (d == null) {
            d = Document.of(transcript);
            document = d;
        }
        return d;
    }

    /** The dates said in a sentence, resolved against {@link #meetingDate()}; computed once per sentence. */
    public List<DateMention> dates(Sentence sentence) {
        List<List<DateMention>> d = dates;
        if (d == null) {
            List<List<DateMention>> all = new ArrayList<>(document().sentences().size());
            LocalDate day = meetingDate();
            for (Sentence s : document().sentences()) {
                all.add(RelativeDates.findAll(s.tokens(), day));
            }
            d = List.copyOf(all);
            dates = d;
        }
        return d.get(sentence.index());
    }

    /**
     * The sentence a quote was taken from, matched loosely (case, punctuation, a quote longer than
     * the sentence); empty when the words are not in the transcript — how model output is checked.
     */
    public Optional<Evidence> locate(String quote) {
        String q = normalise(quote == null ? "" : quote);
        if (q.length() < 4) {
            return Optional.empty();
        }
        for (Sentence s : document().sentences()) {
            String t = normalise(s.text());
            if (t.contains(q) || q.contains(t) && t.length() > 12) {
                return Optional.of(evidence(s.speaker(), s.startMs(), s.text()));
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** Evidence for words said by {@code speaker} at {@code startMs}. */
    public Evidence evidence(String speaker, long startMs, String quote) {
        return new Evidence(speaker, speakers.displayName(speaker), startMs, quote);
    }
}
