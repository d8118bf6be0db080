package harmony.core.port.out;

import harmony.core.domain.Source;

/**
 * Which workers a job waits for. Media jobs (download, transcription) can take many minutes; text jobs
 * take milliseconds. Separate lanes with their own worker capacity keep a two-hour recording from
 * holding back a pasted transcript.
 */
public enum JobLane {
    MEDIA, TEXT;

    /** Media sources need transcription (and perhaps a download) and go to the media lane. */
    public static JobLane forSource(Source source) {
        return source.isMedia() ? MEDIA : TEXT;
    }
}
