/**
 * Karaf shell commands of the TrustChain Certificate Transparency log, for an
 * operator or auditor at the node's console:
 * {@code ct:sth} (the latest signed tree head: size, time and age, root hash,
 * whether the FALCON-1024 co-signature is there, and the log's identity),
 * {@code ct:entries} (the logged certificates and precertificates as a table,
 * decoded from their RFC 6962 {@code MerkleTreeLeaf}) and
 * {@code ct:prove} (the inclusion proof of an entry, checked here against the
 * signed tree head with the RFC 9162 section 2.1.3.2 algorithm, or with
 * {@code --consistency} the consistency proof between two tree sizes,
 * RFC 9162 section 2.1.4).
 *
 * <p>The commands only call the {@link network.internet2.trustchain.ct.TransparencyLog}
 * service; Karaf registers them while it is present. They read, never append.
 * The proofs are verified by this bundle's own code ({@code MerkleProofs}), not
 * by the log, so that a log that hands out a wrong path is caught. User errors
 * (an index beyond the tree, a count over 1000, a tree size larger than the
 * latest signed tree head) and requests the log refuses fail the command with a
 * one-line message and no stack trace. Karaf reads options only before the first
 * argument ({@code ct:prove --tree-size 8 5}), which every command's help says.
 * The bundle carries the header
 * {@code Karaf-Commands: network.internet2.trustchain.ct.cli.internal} (see
 * {@code bnd.bnd}) and is installed by the CT feature when the {@code shell}
 * feature is there. Nothing here is exported.
 */
package network.internet2.trustchain.ct.cli.internal;
