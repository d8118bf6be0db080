package harmony.core.port.in;

import java.util.Optional;

/** Who a presented API key acts as, if anyone. */
public interface AuthenticateApiKey {

    Optional<Actor> authenticate(String presentedKey);
}
