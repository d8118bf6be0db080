package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;

import java.util.Locale;
import java.util.Optional;

/** The transcript formats Harmony reads, each with its reader, and how to tell them apart. */
public enum TranscriptFormat {
    PLAIN_TEXT("txt"),
    SRT("srt"),
    WEBVTT("vtt"),
    JSON("json");

    private final String extension;

    TranscriptFormat(String extension) {
        this.extension = extension;
    }

    /** The format the text's content shows: JSON by its first character, WebVTT by its signature, SRT by its first cue. */
    public static TranscriptFormat detect(String text) {
        text = Text.stripBom(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return JSON;
            }
            if (!Character.isWhitespace(c)) {
                break;
            }
        }
        if (WebVttReader.looksLike(text)) {
            return WEBVTT;
        }
        return SrtReader.looksLike(text) ? SRT : PLAIN_TEXT;
    }

    /** The format a file name's extension claims ({@code .json}, {@code .srt}, {@code .vtt}, {@code .txt}), if any. */
    public static Optional<TranscriptFormat> ofFilename(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        for (TranscriptFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public Transcript read(String text) {
        return switch (this) {
            case PLAIN_TEXT -> new PlainTextReader().read(text);
            case SRT -> new SrtReader().read(text);
            case WEBVTT -> new WebVttReader().read(text);
            case JSON -> new JsonTranscriptReader().read(text);
        };
    }
}
