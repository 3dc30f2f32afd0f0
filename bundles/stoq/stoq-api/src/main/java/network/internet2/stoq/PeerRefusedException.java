package network.internet2.stoq;

/** A peer was refused at the handshake or right after it; {@link #reason()} says why. */
public class PeerRefusedException extends StoqException {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;

    public PeerRefusedException(RefusalReason reason, String detail) {
        super("peer refused (" + reason.label() + "): " + detail);
        this.reason = reason;
    }

    /** @return the reason of the refusal */
    public RefusalReason reason() {
        return reason;
    }
}
