package harmony.core.port.in;

/** The upload dialog's live URL verification. */
public interface CheckUrl {

    /** Never throws for a client's input: the answer carries one of the dialog's three messages. */
    UrlCheck checkUrl(String url);

    record UrlCheck(boolean accessible, String message) {
    }
}
