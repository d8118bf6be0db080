package harmony.core.port.in;

import harmony.core.domain.Transcript;

/** Match a transcript's speaker to a workspace contact or user, so the right name shows everywhere. */
public interface MatchSpeaker {

    Transcript matchSpeaker(Actor actor, String conversationId, String speakerLabel, SpeakerMatch match);

    /** Exactly one of the two is set. */
    record SpeakerMatch(String contactId, String userId) {
        public static SpeakerMatch contact(String id) {
            return new SpeakerMatch(id, null);
        }

        public static SpeakerMatch user(String id) {
            return new SpeakerMatch(null, id);
        }
    }
}
