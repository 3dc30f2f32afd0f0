package network.internet2.hypermesh.asset;

/** Granting the request would overcommit the kind. */
public class InsufficientCapacityException extends AssetException {

    private static final long serialVersionUID = 1L;

    public InsufficientCapacityException(String kind, long requested, long available) {
        super("cannot allocate " + requested + " of " + kind + ": only " + available + " available");
    }
}
