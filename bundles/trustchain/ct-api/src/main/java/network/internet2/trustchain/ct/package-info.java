/**
 * TrustChain Certificate Transparency: an append-only Merkle tree log of every
 * certificate the CA issues, following RFC 6962 with RFC 9162 hashing.
 *
 * <p>{@link network.internet2.trustchain.ct.TransparencyLog} accepts chains and
 * precertificate chains, returns signed certificate timestamps once an entry is
 * durable, and answers the audit questions: signed tree heads, inclusion proofs,
 * consistency proofs and entries by index.
 */
@Export
@Version("1.1.0")
package network.internet2.trustchain.ct;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
