package harmony.core.port.out;

/** Mints identifiers: opaque ids for records and short references people can quote. */
public interface Ids {

    /** A new unique, URL-safe id. */
    String newId();

    /** A new short human reference such as {@code HMY-7K3Q9D}. */
    String newReference();
}
