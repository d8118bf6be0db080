package harmony.core.port.out;

import java.security.SecureRandom;
import java.util.UUID;

/** Mints identifiers: opaque ids for records and short references people can quote. */
public interface Ids {

    /** A new unique, URL-safe id. */
    String newId();

    /** A new short human reference such as {@code HMY-7K3Q9D}. */
    String newReference();

    /** Random UUIDs and references from an alphabet without look-alikes (no 0/O, 1/I/L, U). */
    static Ids random() {
        SecureRandom random = new SecureRandom();
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        return new Ids() {
            @Override
            public String newId() {
                return UUID.randomUUID().toString();
            }

            @Override
            public String newReference() {
                char[] code = new char[6];
                for (int i = 0; i < code.length; i++) {
                    code[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                return "HMY-" + new String(code);
            }
        };
    }
}
