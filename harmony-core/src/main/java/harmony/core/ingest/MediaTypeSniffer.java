package harmony.core.ingest;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a file's type from its first bytes with Apache Tika, then closes the gaps Tika leaves for
 * media containers (Ogg codecs, WebM inside Matroska, the MP4 family's brands, ASF, raw GSM).
 * The bytes decide; the file name only chooses within a family the bytes already proved (M4A vs MP4).
 * Only media is named: what is not audio or video comes back as {@code application/octet-stream} or
 * {@code text/plain} (see {@link TikaMagicDatabase}).
 */
public final class MediaTypeSniffer {
    private static final String OCTET_STREAM = "application/octet-stream";
    /** A GSM 06.10 frame is 33 bytes whose first nibble is the 0xD signature. */
    private static final int GSM_FRAME = 33;

    private final MimeTypes tika = TikaMagicDatabase.shared();

    /** The MIME type of a file whose head is {@code header} (at most {@link UploadLimits#SNIFF_BYTES} used). */
    public String sniff(byte[] header, int length, String filenameHint) {
        String byBytes = tikaType(header, length);
        String ext = extension(filenameHint);
        return switch (byBytes) {
            case "application/ogg", "audio/ogg", "audio/vorbis", "audio/opus", "video/ogg" -> ogg(header, length);
            case "application/x-matroska", "video/x-matroska", "audio/x-matroska", "video/webm", "audio/webm" ->
                    matroska(header, length, ext);
            case "video/quicktime", "video/mp4", "audio/mp4", "video/3gpp", "video/3gpp2", "audio/x-m4a" ->
                    isoMedia(header, length, byBytes, ext);
            case "application/vnd.ms-asf", "video/x-ms-asf", "video/x-ms-wmv", "audio/x-ms-wma" ->
                    "wma".equals(ext) ? "audio/x-ms-wma" : "video/x-ms-asf";
            case OCTET_STREAM -> isRawGsm(header, length) ? "audio/x-gsm" : OCTET_STREAM;
            default -> byBytes;
        };
    }

    /** Audio and video are accepted; everything else is not a recording. */
    public static boolean isAudioOrVideo(String mimeType) {
        return mimeType.startsWith("audio/") || mimeType.startsWith("video/");
    }

    private String tikaType(byte[] header, int length) {
        try {
            MediaType type = tika.detect(new ByteArrayInputStream(header, 0, length), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
    }

    /** Ogg says its codec in the first packet of the first page. */
    private static String ogg(byte[] h, int len) {
        if (contains(h, len, "OpusHead") || contains(h, len, "vorbis") || contains(h, len, "FLAC") || contains(h, len, "Speex")) {
            if (contains(h, len, "theora")) {
                return "video/ogg";
            }
            return "audio/ogg";
        }
        return contains(h, len, "theora") ? "video/ogg" : "application/ogg";
    }

    /** Matroska's EBML header names its DocType: {@code webm} or {@code matroska}. */
    private static String matroska(byte[] h, int len, String ext) {
        boolean webm = contains(h, Math.min(len, 64), "webm");
        if (webm) {
            return "weba".equals(ext) ? "audio/webm" : "video/webm";
        }
        return "mka".equals(ext) ? "audio/x-matroska" : "video/x-matroska";
    }

    /** The ISO base media family (MP4, M4A, MOV, 3GP) differs by the major brand of the {@code ftyp} box. */
    private static String isoMedia(byte[] h, int len, String tikaType, String ext) {
        if (len < 12 || h[4] != 'f' || h[5] != 't' || h[6] != 'y' || h[7] != 'p') {
            return tikaType;
        }
        String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
        if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
            return "audio/mp4";
        }
        if (brand.equals("qt  ")) {
            return "video/quicktime";
        }
        if (brand.startsWith("3g2")) {
            return "video/3gpp2";
        }
        if (brand.startsWith("3gp") || brand.startsWith("3gs")) {
            return "video/3gpp";
        }
        return "m4a".equals(ext) || "m4b".equals(ext) ? "audio/mp4" : "video/mp4";
    }

    /** Raw GSM has no header: every 33-byte frame starts with 0xD in its high nibble. */
    private static boolean isRawGsm(byte[] h, int len) {
        int frames = len / GSM_FRAME;
        if (frames < 1) {
            return false;
        }
        for (int i = 0; i < frames; i++) {
            if ((h[i * GSM_FRAME] & 0xF0) != 0xD0) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] h, int len, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (h[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
