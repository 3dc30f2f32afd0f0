package network.internet2.trustchain.dns;

/** A name could not be resolved; the message says why (NXDOMAIN, no AAAA, outside the zone). */
public class NameResolutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String name;

    public NameResolutionException(String name, String reason) {
        super("cannot resolve " + name + ": " + reason);
        this.name = name;
    }

    /** @return the name that was asked */
    public String name() {
        return name;
    }
}
