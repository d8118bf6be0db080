package harmony.adapters.http.client;

import java.util.Locale;
import java.util.Set;

/**
 * Which answers look like a file Harmony can import: audio, video, a transcript format, or bytes
 * without a useful type. Public storage often serves media as {@code application/octet-stream} (S3's
 * {@code binary/octet-stream}, download links); the bytes are sniffed after download in any case.
 * A web page — typically a sign-in wall — is not a file.
 */
final class MediaContentTypes {
    private static final Set<String> ACCEPTED = Set.of(
            "application/octet-stream", "binary/octet-stream", "application/ogg", "application/mp4",
            "application/x-matroska", "application/json", "text/plain", "text/vtt", "application/x-subrip");

    /** The Accept header sent with every request: media first, transcripts next, anything last. */
    static final String ACCEPT = "audio/*, video/*, application/octet-stream;q=0.9, application/json;q=0.5, "
            + "text/plain;q=0.5, text/vtt;q=0.5, application/x-subrip;q=0.5, */*;q=0.1";

    static boolean isImportable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.startsWith("audio/") || type.startsWith("video/") || ACCEPTED.contains(type);
    }

    private MediaContentTypes() {
    }
}
