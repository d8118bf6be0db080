package harmony.core.intelligence.extraction;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import harmony.core.intelligence.Evidence;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * Work someone committed to or was asked to do after the meeting.
 *
 * @param ownerLabel the owner's speaker label, null when the owner did not speak (or is unknown)
 * @param ownerName  the owner's name as shown (matched contact or user name), null when unknown
 * @param dueDate    resolved against the meeting's date, null when none was said
 * @param evidence   where it was said
 */
public record ActionItem(String text, String ownerLabel, String ownerName,
                         @JsonSerialize(using = IsoDate.Serializer.class)
                         @JsonDeserialize(using = IsoDate.Deserializer.class) LocalDate dueDate,
                         Evidence evidence) {
    public ActionItem {
        requireNonNull(text, "text");
    }
}
