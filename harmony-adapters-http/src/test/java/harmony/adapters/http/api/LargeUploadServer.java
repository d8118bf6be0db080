package harmony.adapters.http.api;

import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API in a JVM of its own (started with a small heap by {@link LargeUploadTest}), storing
 * uploads in a store that keeps only their size and digest. Prints its port, then waits for stdin
 * to close and prints the heap's peak.
 */
public final class LargeUploadServer {

    public static void main(String[] args) throws Exception {
        try (ApiHarness api = new ApiHarness(ApiSettings.DEFAULTS.withRateLimit(1000, 1000), new DigestOnlyStore())) {
            System.out.println("PORT " + api.server.port() + " KEY " + api.adaKey);
            System.out.flush();
            System.in.read();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("HEAP_PEAK_BYTES " + peak);
            System.out.flush();
        }
    }

    /** Reads every byte (so validation sees them all) but keeps only size and SHA-256. */
    static final class DigestOnlyStore implements RecordingStore {
        private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

        @Override
        public StoredObject put(String key, InputStream content) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long size = new DigestInputStream(content, sha).transferTo(OutputStream.nullOutputStream());
            StoredObject stored = new StoredObject(key, size, HexFormat.of().formatHex(sha.digest()));
            objects.put(key, stored);
            return stored;
        }

        @Override
        public InputStream open(String key, long offset, long length) {
            throw new UnsupportedOperationException("digest-only store");
        }

        @Override
        public Optional<StoredObject> stat(String key) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }
    }
}
