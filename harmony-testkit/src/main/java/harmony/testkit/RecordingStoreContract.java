package harmony.testkit;

import harmony.core.error.HarmonyException;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link RecordingStore} must do. Subclasses supply a fresh, empty store and say how to see
 * leftovers (temp files, unfinished multipart uploads) that a failed write must not leave.
 */
public abstract class RecordingStoreContract {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    protected RecordingStore store;

    protected abstract RecordingStore newStore() throws Exception;

    /** Large enough to take the store's multi-part path, if it has one. */
    protected long largeSize() {
        return 20L << 20;
    }

    /** Fails when the store holds anything but its committed objects (temp files, open multipart uploads). */
    protected void assertNothingLeftBehind() throws Exception {
    }

    /**
     * Whether {@code a/b} and {@code a/b/c} can both exist. Every real store must say yes; only a test
     * server with a folder-per-segment backend (S3Proxy on files) says no.
     */
    protected boolean holdsKeysThatArePrefixesOfOtherKeys() {
        return true;
    }

    @BeforeEach
    void setUpStore() throws Exception {
        store = newStore();
    }

    @Test
    void storesAndReadsBackASmallObject() throws Exception {
        StoredObject stored = store.put("recordings/ws-1/a.mp3", bytes("hello, harmony"));

        assertThat(stored).isEqualTo(new StoredObject("recordings/ws-1/a.mp3", 14, sha256("hello, harmony")));
        assertThat(read(store.open("recordings/ws-1/a.mp3"))).isEqualTo("hello, harmony");
        assertThat(store.stat("recordings/ws-1/a.mp3")).contains(stored);
        assertNothingLeftBehind();
    }

    @Test
    void storesAnEmptyObject() throws Exception {
        StoredObject stored = store.put("empty", new ByteArrayInputStream(new byte[0]));

        assertThat(stored).isEqualTo(new StoredObject("empty", 0, EMPTY_SHA256));
        assertThat(store.open("empty").readAllBytes()).isEmpty();
        assertThat(store.stat("empty")).contains(stored);
    }

    @Test
    void streamsALargeObjectWholeAndServesRangesAcrossItsParts() throws Exception {
        long size = largeSize() + 12_345;
        StoredObject stored = store.put("large.webm", new GeneratedBytes(7, size));

        assertThat(stored).isEqualTo(new StoredObject("large.webm", size, GeneratedBytes.sha256(7, size)));
        assertThat(store.stat("large.webm")).contains(stored);
        try (InputStream in = store.open("large.webm")) {
            assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(stored.sha256());
        }
        for (long offset : new long[] {0, (8L << 20) - 10, largeSize() / 2 + 3, size - 100}) {
            try (InputStream in = store.open("large.webm", offset, 100)) {
                assertThat(in.readAllBytes()).as("range at %d", offset).isEqualTo(GeneratedBytes.slice(7, offset, 100));
            }
        }
        assertNothingLeftBehind();
    }

    @Test
    void servesRangesForPlayback() throws Exception {
        store.put("digits", bytes("0123456789"));

        assertThat(read(store.open("digits", 2, 3))).isEqualTo("234");
        assertThat(read(store.open("digits", 7, -1))).isEqualTo("789");
        assertThat(read(store.open("digits", 8, 100))).isEqualTo("89");
        assertThat(read(store.open("digits", 0, 0))).isEmpty();
        assertThat(read(store.open("digits", 10, 5))).isEmpty();
        assertThat(read(store.open("digits", 20, -1))).isEmpty();
        assertThatThrownBy(() -> store.open("digits", -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesAnObjectPutAgain() throws Exception {
        store.put("key", bytes("first version"));
        StoredObject second = store.put("key", bytes("second"));

        assertThat(read(store.open("key"))).isEqualTo("second");
        assertThat(store.stat("key")).contains(second);
    }

    /**
     * Harmony's own keys never nest (one per conversation), but a store must not lose an object when
     * asked to: it either keeps both, or refuses the second and keeps the first intact.
     */
    @Test
    void aKeyThatIsAPrefixOfAnotherKeyStaysIntact() throws Exception {
        store.put("a/b", bytes("short"));
        Throwable second = catchThrowable(() -> store.put("a/b/c", bytes("longer")));

        assertThat(read(store.open("a/b"))).isEqualTo("short");
        if (holdsKeysThatArePrefixesOfOtherKeys()) {
            assertThat(second).isNull();
            assertThat(read(store.open("a/b/c"))).isEqualTo("longer");
        } else {
            assertThat(second).isNotNull();
        }
    }

    @Test
    void aStreamThatFailsEarlyPropagatesUnchangedAndLeavesNothing() throws Exception {
        HarmonyException notMedia = HarmonyException.unsupportedMedia();

        Throwable thrown = catchThrowable(() -> store.put("bad.exe", new FailingInputStream(bytes("MZ-not-media"), 4, notMedia)));

        assertThat(thrown).isSameAs(notMedia);
        assertThat(store.stat("bad.exe")).isEmpty();
        assertThatThrownBy(() -> store.open("bad.exe")).isInstanceOf(FileNotFoundException.class);
        assertNothingLeftBehind();
    }

    @Test
    void aStreamThatFailsAfterManyPartsPropagatesUnchangedAndLeavesNothing() throws Exception {
        HarmonyException tooLarge = HarmonyException.tooLarge(2048L << 20);
        long size = largeSize() + 12_345;

        Throwable thrown = catchThrowable(() -> store.put("huge.mp4",
                new FailingInputStream(new GeneratedBytes(3, size), size - 1000, tooLarge)));

        assertThat(thrown).isSameAs(tooLarge);
        assertThat(store.stat("huge.mp4")).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void aFailingIoExceptionAlsoPropagatesUnchanged() throws Exception {
        IOException reset = new IOException("Connection reset by peer");

        Throwable thrown = catchThrowable(() -> store.put("dropped.wav",
                new FailingInputStream(new GeneratedBytes(5, 1 << 20), 1000, reset)));

        assertThat(thrown).isSameAs(reset);
        assertThat(store.stat("dropped.wav")).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void aFailedReplacementKeepsTheOldObject() throws Exception {
        StoredObject old = store.put("keep", bytes("the original"));
        HarmonyException notMedia = HarmonyException.unsupportedMedia();

        Throwable thrown = catchThrowable(() -> store.put("keep",
                new FailingInputStream(new GeneratedBytes(1, largeSize()), largeSize() - 10, notMedia)));

        assertThat(thrown).isSameAs(notMedia);
        assertThat(store.stat("keep")).contains(old);
        assertThat(read(store.open("keep"))).isEqualTo("the original");
        assertNothingLeftBehind();
    }

    @Test
    void deletesObjectsAndToleratesMissingOnes() throws Exception {
        store.put("gone", bytes("bye"));

        store.delete("gone");
        store.delete("gone");
        store.delete("never-there");

        assertThat(store.stat("gone")).isEmpty();
        assertThatThrownBy(() -> store.open("gone")).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> store.open("never-there", 5, 5)).isInstanceOf(FileNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "%2e%2e/x", "..%2Fx", "a//b", "a/", ".hidden", "a/./b",
            "a\\b", "C:x", "a b", ""})
    void refusesKeysThatCouldEscapeOrCollide(String key) throws Exception {
        assertThatThrownBy(() -> store.put(key, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.stat(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertNothingLeftBehind();
    }

    protected static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    protected static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) throws IOException {
        return GeneratedBytes.sha256Of(bytes(text));
    }
}
