package harmony.adapters.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Where and how to reach the bucket. {@code endpoint} is empty for AWS itself, else any S3-compatible
 * server (MinIO, Ceph, S3Proxy…), usually with {@code pathStyle}. Without an access key the SDK's default
 * chain applies (environment, profile, instance role). Objects live under {@code keyPrefix}.
 *
 * @param partSize multipart part size for streamed writes, 8–64 MiB; two parts are held in memory per write
 */
public record S3Settings(String bucket, String keyPrefix, String region, URI endpoint, boolean pathStyle,
                         String accessKeyId, String secretAccessKey, int partSize) {
    public static final int MIN_PART_SIZE = 8 << 20;
    public static final int MAX_PART_SIZE = 64 << 20;
    public static final int DEFAULT_PART_SIZE = 16 << 20;
    /** A server that does not accept a connection in this long is treated as down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Longest silence within a request or response (a stalled server); a large part sends steadily. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** Longest wait for one of the 32 pooled connections. */
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

    public S3Settings {
        requireNonNull(bucket, "bucket");
        keyPrefix = keyPrefix == null || keyPrefix.isEmpty() ? "" : keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
        region = region == null || region.isBlank() ? "us-east-1" : region;
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("Give both the access key id and the secret access key, or neither");
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be 8-64 MiB, was " + partSize);
        }
    }

    /** AWS itself, credentials from the default chain, 16 MiB parts. */
    public static S3Settings aws(String bucket, String region) {
        return new S3Settings(bucket, "", region, null, false, null, null, DEFAULT_PART_SIZE);
    }

    /** An S3-compatible server at {@code endpoint}, path-style, with these credentials, 16 MiB parts. */
    public static S3Settings compatible(URI endpoint, String bucket, String accessKeyId, String secretAccessKey) {
        return new S3Settings(bucket, "", null, endpoint, true, accessKeyId, secretAccessKey, DEFAULT_PART_SIZE);
    }

    public S3Settings withKeyPrefix(String prefix) {
        return new S3Settings(bucket, prefix, region, endpoint, pathStyle, accessKeyId, secretAccessKey, partSize);
    }

    public S3Settings withPartSize(int bytes) {
        return new S3Settings(bucket, keyPrefix, region, endpoint, pathStyle, accessKeyId, secretAccessKey, bytes);
    }

    /**
     * A client builder set up for this endpoint; add interceptors or metrics before {@code build()}. Checksums
     * are sent only where Harmony computes them (CRC32C per part) or S3 requires them, so browser parts
     * uploaded through presigned URLs and server parts agree.
     */
    public S3ClientBuilder clientBuilder() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(32)
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .connectionAcquisitionTimeout(ACQUIRE_TIMEOUT)
                        .tcpKeepAlive(true))
                // Three tries with jittered backoff from 100 ms: a restart of a few seconds is the pipeline's
                // to wait out (it retries stages for minutes), so a dead endpoint fails a request in seconds.
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** Signs browser part uploads for the same endpoint and credentials. */
    public S3Presigner newPresigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKeyId == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    @Override
    public String toString() { // never print the secret
        return "S3Settings[bucket=" + bucket + ", keyPrefix=" + keyPrefix + ", region=" + region + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + ", accessKeyId=" + accessKeyId + ", partSize=" + partSize + "]";
    }
}
