package harmony.core.domain;

import java.util.Locale;

/** Where a conversation came from; decides which pipeline stages apply. */
public enum Source {
    FILE_UPLOAD(true, false),
    BROWSER_UPLOAD(true, false),
    URL_IMPORT(true, true),
    TRANSCRIPT_PASTE(false, false),
    TRANSCRIPT_FILE(false, false),
    STRUCTURED_IMPORT(false, false);

    private final boolean media;
    private final boolean remote;

    Source(boolean media, boolean remote) {
        this.media = media;
        this.remote = remote;
    }

    /** Media sources carry a recording that must be transcribed. */
    public boolean isMedia() {
        return media;
    }

    /** Remote sources are fetched by the server before anything else happens. */
    public boolean isRemote() {
        return remote;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
