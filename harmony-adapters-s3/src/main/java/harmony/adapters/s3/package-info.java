/**
 * Recordings on any S3-compatible object store (AWS SDK v2, blocking Apache HttpClient 5): streamed
 * multipart writes with bounded memory, range reads, and browser upload sessions with presigned part URLs.
 *
 * <p>When S3 is away (connections refused, reset or timing out after 2 s to connect, the SDK's three tries
 * spent) or answers 5xx, calls fail with {@link harmony.core.error.ErrorKind#UNAVAILABLE} and
 * {@link harmony.core.error.UserMessages#STORAGE_UNAVAILABLE}: the API answers 503 with Retry-After and the
 * pipeline retries the stage later. A failed write aborts its multipart upload first; one that could not be
 * aborted (S3 gone mid-upload) is freed by the sessions' expiry cleanup. The client needs no restart.
 */
package harmony.adapters.s3;
