package harmony.adapters.filesystem;

import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StorageKeys;
import harmony.core.port.out.StoredObject;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Recordings as files under one root folder. A key maps to {@code root/ab/cd/<key with '/' as '+'>},
 * where {@code abcd} starts the SHA-256 of the key: 65,536 shards keep folders small, and the file name
 * is one segment, so no key can climb out of its shard or clash with another key's folder. Next to each
 * object a hidden {@code .<name>.sha256} file keeps its digest for {@link #stat}. Keys follow
 * {@link StorageKeys}; names starting with a dot are the store's own (temp files, checksums, uploads).
 */
public final class FileSystemRecordingStore implements RecordingStore {
    private final Path root;

    public FileSystemRecordingStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    /** The folder this store owns. */
    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path folder = createFolders(target.getParent());
        Path temp = folder.resolve(".tmp-" + UUID.randomUUID());
        Path checksum = checksumOf(target);
        MessageDigest sha = sha256();
        long size;
        boolean checksumWritten = false;
        try {
            size = DurableFileWriter.write(content, temp, sha);
            String hex = HexFormat.of().formatHex(sha.digest());
            // The digest lands first so that the object's rename stays the one commit point.
            writeAtomically(checksum, (hex + "\n").getBytes(StandardCharsets.US_ASCII));
            checksumWritten = true;
            move(temp, target);
            forceFolder(folder);
            return new StoredObject(key, size, hex);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            if (checksumWritten && Files.notExists(target)) { // a digest without its object would be half a write
                deleteQuietly(checksum, e);
            }
            if (DiskFull.causedBy(e)) {
                throw DiskFull.error(e);
            }
            throw e;
        }
    }

    /** Like {@link Files#createDirectories}, but a full disk is reported as such. */
    static Path createFolders(Path folder) throws IOException {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw DiskFull.error(e);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        Path file = pathOf(key);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(key);
        }
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new RangeInputStream(in, length);
    }

    @Override
    public Optional<StoredObject> stat(String key) throws IOException {
        Path file = pathOf(key);
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String hex = null;
        try {
            hex = Files.readString(checksumOf(file), StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            // Written by something else than this store: the digest is unknown.
        }
        return Optional.of(new StoredObject(key, size, hex));
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = pathOf(key);
        Files.deleteIfExists(file);
        Files.deleteIfExists(checksumOf(file));
    }

    /** The file that holds {@code key}: always two shard folders below the root. */
    Path pathOf(String key) {
        StorageKeys.requireValid(key);
        String shard = HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
        Path file = root.resolve(shard.substring(0, 2)).resolve(shard.substring(2, 4)).resolve(key.replace('/', '+'));
        if (!file.normalize().getParent().getParent().getParent().equals(root)) {
            throw new IllegalArgumentException("Storage key escapes the store: " + key); // defence in depth
        }
        return file;
    }

    private static Path checksumOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".sha256");
    }

    /** Writes a small file by temp file, fsync and rename, so readers see all of it or nothing. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer view = ByteBuffer.wrap(bytes);
                while (view.hasRemaining()) {
                    out.write(view);
                }
                out.force(true);
            }
            move(temp, file);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename durable: fsync the folder that holds it (a no-op where the platform refuses). */
    static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a folder for fsync; the rename itself is still atomic.
        }
    }

    static void deleteQuietly(Path file, Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
