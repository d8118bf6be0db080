package harmony.core.port.in;

/** Provisioning by the host application: a new key for a workspace user, shown in clear once. */
public interface IssueApiKey {

    IssuedKey issueApiKey(String workspaceId, String userId, String name);

    /** The clear key, to hand to its owner now; Harmony keeps only its hash. */
    record IssuedKey(String keyId, String key) {
    }
}
