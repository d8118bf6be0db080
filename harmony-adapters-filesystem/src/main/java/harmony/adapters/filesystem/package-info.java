/**
 * Recordings on a local folder: the embedded default, fine in production on one machine. Writes are
 * atomic (temp file, fsync, rename), keys map to sharded file names that cannot leave the root, and
 * browser upload sessions keep their parts and a small manifest under the same root.
 *
 * <p>A full disk (ENOSPC, a quota, a file-size limit) fails the write with
 * {@link harmony.core.error.ErrorKind#INSUFFICIENT_STORAGE} and
 * {@link harmony.core.error.UserMessages#STORAGE_FULL} (the API answers 507) after removing everything the
 * write had put down: the temp file, the digest, the part.
 */
package harmony.adapters.filesystem;
