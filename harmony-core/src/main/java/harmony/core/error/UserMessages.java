package harmony.core.error;

/** The product's user-facing texts, word for word. Every adapter and the web UI use these. */
public final class UserMessages {
    public static final String NOT_AUDIO_OR_VIDEO = "Please upload an audio or video file.";
    public static final String MEDIA_TOO_LARGE = "The maximum file size is 2048 MB.";
    public static final String TRANSCRIPT_FILE_TOO_LARGE = "The maximum file size is 10 MB.";
    public static final String REQUIRED_FIELDS_MISSING = "Please fill in all required fields.";
    public static final String FIELDS_INVALID = "Please correct the highlighted fields.";
    public static final String INVALID_URL = "Invalid URL format.";
    public static final String URL_NOT_ACCESSIBLE = "The provided URL is not publicly accessible.";
    public static final String URL_ACCESSIBLE = "URL is accessible and valid for recording.";
    public static final String RECORDING_UPLOADED = "Recording uploaded successfully.";
    public static final String NO_AUDIO_TRACK = "The file has no audio track.";
    public static final String EMPTY_FILE = "The file is empty.";
    public static final String REQUIRED = "This field is required.";
    /** Recording storage (a bucket, a file server) cannot be reached. */
    public static final String STORAGE_UNAVAILABLE = "File storage is not reachable right now. Please try again in a moment.";
    /** The disk that holds recordings is full. */
    public static final String STORAGE_FULL = "There is no storage space left to save this file. Please contact your administrator.";

    /** An Idempotency-Key sent again with a request that is not the one it was first sent with. */
    public static final String IDEMPOTENCY_KEY_REUSED = "This Idempotency-Key was already used with a different request.";

    /** "The maximum file size is [X] MB." for any limit in bytes. */
    public static String maximumFileSize(long limitBytes) {
        return "The maximum file size is " + (limitBytes / (1024 * 1024)) + " MB.";
    }

    private UserMessages() {
    }
}
