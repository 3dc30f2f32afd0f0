package network.internet2.trustchain.ct;

/** What a log says of the SCTs embedded in a certificate (RFC 6962 section 3.3). */
public enum EmbeddedSctVerdict {
    /** An SCT of this log is embedded and verifies, its post-quantum co-signature included. */
    VALID,
    /** No SCT of this log is embedded (no SCT list, or only other logs' SCTs). */
    MISSING,
    /** An SCT of this log is embedded but does not verify, or the SCT list cannot be read. */
    INVALID
}
