/**
 * Recordings on a local folder: the embedded default, fine in production on one machine. Writes are
 * atomic (temp file, fsync, rename), keys map to sharded file names that cannot leave the root, and
 * browser upload sessions keep their parts and a small manifest under the same root.
 */
package harmony.adapters.filesystem;
