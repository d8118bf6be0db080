package harmony.core.ingest;

/** The product's size limits, in bytes. */
public final class UploadLimits {
    /** Audio and video files: 2 GB (2,147,483,648 bytes). */
    public static final long MEDIA_MAX_BYTES = 2_147_483_648L;
    /** JSON (and other) transcript files: 10 MB (10,485,760 bytes). */
    public static final long TRANSCRIPT_FILE_MAX_BYTES = 10_485_760L;
    /** How much of a file's head is buffered to sniff its type: Tika's longest magic reaches 64 KiB. */
    public static final int SNIFF_BYTES = 64 * 1024;

    private UploadLimits() {
    }
}
