/**
 * The TrustChain Certificate Transparency log.
 *
 * <p>What it is for: every certificate the CA issues is logged in an
 * append-only Merkle tree that anyone can audit with standard CT tooling
 * (RFC 6962, with RFC 9162's hashing and proof algorithms).
 *
 * <p>How it fits together: {@link network.internet2.trustchain.ct.internal.TreeStorage}
 * keeps entries durably and the hashes of every complete subtree, from which
 * roots, inclusion and consistency proofs are read in O(log n);
 * {@link network.internet2.trustchain.ct.internal.AppendQueue} batches appends
 * so that many submitters share one sync; {@link network.internet2.trustchain.ct.internal.CtLog}
 * checks chains, builds the RFC 6962 structures ({@link network.internet2.trustchain.ct.internal.CtStructures}),
 * and signs SCTs and tree heads with ECDSA P-256 plus a FALCON-1024
 * co-signature ({@link network.internet2.trustchain.ct.internal.LogKeys});
 * {@link network.internet2.trustchain.ct.internal.CtLogComponent} offers it as
 * the {@link network.internet2.trustchain.ct.TransparencyLog} service;
 * {@link network.internet2.trustchain.ct.internal.CtMetrics} publishes the tree's size, the
 * age of its latest tree head and the entries appended (told of them through an
 * {@link network.internet2.trustchain.ct.internal.AppendObserver}) in the node's Micrometer registry.
 */
package network.internet2.trustchain.ct.internal;
