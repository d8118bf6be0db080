package harmony.core.application;

import harmony.core.domain.ApiKey;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.Actor;
import harmony.core.port.in.AuthenticateApiKey;
import harmony.core.port.in.IssueApiKey;
import harmony.core.port.out.ApiKeys;
import harmony.core.port.out.Directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code hmy_<id>_<secret>}: the id finds the stored key, the secret's SHA-256 is
 * compared in constant time. Secrets are 256 random bits, so an unsalted hash is enough.
 */
public final class ApiKeyAccess implements AuthenticateApiKey, IssueApiKey {
    private static final String PREFIX = "hmy_";

    private final ApiKeys keys;
    private final Directory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyAccess(ApiKeys keys, Directory directory, Clock clock) {
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public IssuedKey issueApiKey(String workspaceId, String userId, String name) {
        if (directory.user(workspaceId, userId).isEmpty()) {
            throw new HarmonyException(ErrorKind.INVALID, "No such user in this workspace.");
        }
        String id = token(9);
        String secret = token(32);
        keys.save(new ApiKey(id, workspaceId, userId, name, sha256(secret), clock.instant()));
        return new IssuedKey(id, PREFIX + id + "_" + secret);
    }

    @Override
    public Optional<Actor> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = presentedKey.indexOf('_', PREFIX.length());
        if (split < 0) {
            return Optional.empty();
        }
        String id = presentedKey.substring(PREFIX.length(), split);
        String secret = presentedKey.substring(split + 1);
        return keys.find(id)
                .filter(k -> MessageDigest.isEqual(
                        k.secretSha256().getBytes(StandardCharsets.US_ASCII), sha256(secret).getBytes(StandardCharsets.US_ASCII)))
                .map(k -> new Actor(k.workspaceId(), k.userId()));
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        // No '_' in tokens: it separates id and secret.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x');
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
