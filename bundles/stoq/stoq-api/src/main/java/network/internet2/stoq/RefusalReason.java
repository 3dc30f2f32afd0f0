package network.internet2.stoq;

import java.util.Locale;

/** Why a peer was refused; each reason is counted separately. */
public enum RefusalReason {
    /** The chain does not lead to a trusted root. */
    UNTRUSTED_ROOT,
    /** The certificate is outside its validity period. */
    EXPIRED,
    /** The certificate has been revoked. */
    REVOKED,
    /** No SCT from a trusted log is embedded. */
    MISSING_SCT,
    /** An embedded SCT does not verify. */
    INVALID_SCT,
    /** The FALCON-1024 alternative signature of a certificate does not verify. */
    ALT_SIGNATURE_INVALID,
    /** The peer did not prove possession of its post-quantum key. */
    POSSESSION_PROOF_FAILED,
    /** No common key-exchange group (the post-quantum hybrid group is required). */
    NO_SHARED_GROUP,
    /** The address is IPv4 or IPv4-mapped; STOQ is IPv6 only. */
    IPV4_ADDRESS,
    /** The CA needed to validate the peer is not installed. */
    CA_UNAVAILABLE,
    /** The handshake did not complete in time. */
    HANDSHAKE_TIMEOUT;

    /** @return the reason as shown in counters and logs, e.g. {@code untrusted-root} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
