package network.internet2.trustchain.crypto;

/**
 * Names of the algorithms suites offer. A name identifies the algorithm and
 * its parameter set, so that a key or signature is never ambiguous.
 */
public final class Algorithms {

    /** ECDSA over NIST P-256 with SHA-256. */
    public static final String ECDSA_P256 = "ECDSA-P256-SHA256";
    /** ECDSA over NIST P-384 with SHA-384. */
    public static final String ECDSA_P384 = "ECDSA-P384-SHA384";
    /** Ed25519 (RFC 8032). */
    public static final String ED25519 = "Ed25519";
    /** X25519 key agreement (RFC 7748), offered as a KEM by ephemeral-static agreement. */
    public static final String X25519 = "X25519";
    /** FALCON-1024 signatures (NIST round-3 parameter set). */
    public static final String FALCON_1024 = "FALCON-1024";
    /** ML-KEM-1024 key encapsulation (FIPS 203). */
    public static final String ML_KEM_1024 = "ML-KEM-1024";
    /** ML-DSA-87 signatures (FIPS 204). */
    public static final String ML_DSA_87 = "ML-DSA-87";

    private Algorithms() {
    }
}
