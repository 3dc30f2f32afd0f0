package network.internet2.hypermesh.consensus.internal;

import java.security.cert.X509Certificate;
import java.util.List;

import network.internet2.hypermesh.proof.ConsensusProof;

/**
 * A decoded consensus proof with what its record does not carry: the signer's
 * certificate chain and the bytes its signature covers.
 *
 * @param proof       the proof as the API sees it
 * @param chain       the node's certificate chain, leaf first
 * @param signedBytes the encoding up to the signature, which the signature covers
 */
record SignedProof(ConsensusProof proof, List<X509Certificate> chain, byte[] signedBytes) {
}
