package harmony.testkit;

import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StorageKeys;
import harmony.core.port.out.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps recordings in memory; for tests with small files. Keys follow {@link StorageKeys} like every store. */
public final class InMemoryRecordingStore implements RecordingStore {
    private final Map<String, Entry> objects = new ConcurrentHashMap<>();

    @Override
    public StoredObject put(String key, InputStream content) throws IOException {
        StorageKeys.requireValid(key);
        MessageDigest sha = sha256();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // A failing stream propagates before anything is stored: all or nothing.
        try (DigestInputStream in = new DigestInputStream(content, sha)) {
            in.transferTo(buffer);
        }
        byte[] bytes = buffer.toByteArray();
        StoredObject stored = new StoredObject(key, bytes.length, HexFormat.of().formatHex(sha.digest()));
        objects.put(key, new Entry(bytes, stored));
        return stored;
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        StorageKeys.requireValid(key);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        Entry entry = objects.get(key);
        if (entry == null) {
            throw new FileNotFoundException(key);
        }
        byte[] bytes = entry.bytes();
        int from = (int) Math.min(offset, bytes.length);
        int len = length < 0 ? bytes.length - from : (int) Math.min(length, bytes.length - from);
        return new ByteArrayInputStream(bytes, from, len);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        StorageKeys.requireValid(key);
        return Optional.ofNullable(objects.get(key)).map(Entry::stored);
    }

    @Override
    public void delete(String key) {
        StorageKeys.requireValid(key);
        objects.remove(key);
    }

    /** How many objects are stored: tests assert nothing is left behind. */
    public int size() {
        return objects.size();
    }

    private record Entry(byte[] bytes, StoredObject stored) {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
