package network.internet2.trustchain.ct;

import java.security.cert.X509Certificate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A Certificate Transparency log. An SCT is returned only once its entry is
 * durable; rejected input changes nothing.
 */
@ProviderType
public interface TransparencyLog {

    /**
     * Logs a certificate chain (an {@code x509_entry}).
     *
     * @param chain leaf first, ending at (or issued by) an accepted root
     * @throws LogException.BadRequest if the chain does not end at an accepted root
     * @throws LogException.Unavailable if the log cannot durably accept now
     */
    SignedCertificateTimestamp addChain(List<X509Certificate> chain) throws LogException;

    /**
     * Logs a precertificate chain (a {@code precert_entry}); the leaf carries
     * the CT poison extension.
     */
    SignedCertificateTimestamp addPreChain(List<X509Certificate> chain) throws LogException;

    /** @return the latest signed tree head */
    SignedTreeHead latestTreeHead();

    /**
     * Consistency proof between two tree sizes (RFC 9162, 2.1.4).
     *
     * @throws LogException.BadRequest if {@code first > second} or {@code second} exceeds the tree
     */
    List<byte[]> consistencyProof(long first, long second) throws LogException;

    /**
     * Inclusion proof of the leaf with this Merkle leaf hash in the tree of this size.
     *
     * @throws LogException.BadRequest if no such leaf is in that tree
     */
    InclusionProof inclusionProof(byte[] leafHash, long treeSize) throws LogException;

    /**
     * Entries with indices {@code start} to {@code end} inclusive; the log may
     * return fewer than asked, never more.
     *
     * @throws LogException.BadRequest if the range is empty or outside the tree
     */
    List<LogEntry> entries(long start, long end) throws LogException;

    /** @return the certificates this log accepts as chain ends */
    List<X509Certificate> acceptedRoots();

    /** @return the log's public identity */
    LogIdentity identity();

    /**
     * Checks the SCTs embedded in a certificate against this log: the SCT's
     * ECDSA signature and its FALCON-1024 co-signature over the precertificate
     * entry rebuilt from the certificate (its TBS without the SCT list — and
     * without the alternative signature value — and its issuer's key hash).
     *
     * @param chain the certificate first, then its issuer
     * @return {@link EmbeddedSctVerdict#VALID} only if an SCT of this log verifies
     * @since 1.1
     */
    EmbeddedSctVerdict verifyEmbeddedScts(List<X509Certificate> chain);
}
