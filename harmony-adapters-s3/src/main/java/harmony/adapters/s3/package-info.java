/**
 * Recordings on any S3-compatible object store (AWS SDK v2, blocking Apache HttpClient 5): streamed
 * multipart writes with bounded memory, range reads, and browser upload sessions with presigned part URLs.
 */
package harmony.adapters.s3;
