package network.internet2.trustchain.ca.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;

/**
 * Asks HyperMesh consensus before an issuance when the CA is configured to
 * ({@code require.consensus}): the operation {@code ca.issue} on the request's
 * PKCS#10 bytes is proved by this node and the proof validated, or nothing is
 * issued. The node's own certificate is exempt: consensus proofs are signed
 * with it, so it has to exist first.
 */
final class IssuanceConsensus {

    static final String ISSUE = "ca.issue";

    private final boolean required;
    private final Supplier<ConsensusService> consensus;

    IssuanceConsensus(boolean required, Supplier<ConsensusService> consensus) {
        this.required = required;
        this.consensus = consensus;
    }

    /** @throws CaException if consensus is required and absent, or refuses the issuance */
    void check(byte[] pkcs10) throws CaException {
        if (!required) {
            return;
        }
        ConsensusService service = consensus.get();
        if (service == null) {
            throw new CaUnavailableException("the CA requires a consensus proof before issuing "
                    + "(require.consensus=true) but no consensus service is installed; install hypermesh-consensus");
        }
        Operation operation = new Operation(ISSUE, sha256(pkcs10), pkcs10);
        try {
            ConsensusProof proof = service.prove(operation);
            Verdict verdict = service.validate(operation, proof);
            if (!verdict.valid()) {
                throw new CaException("consensus refused the issuance: " + verdict.reason());
            }
        } catch (ProofException e) {
            throw new CaUnavailableException("consensus could not prove the issuance: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
