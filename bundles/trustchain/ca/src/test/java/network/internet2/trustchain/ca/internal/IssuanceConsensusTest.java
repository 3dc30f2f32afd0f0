package network.internet2.trustchain.ca.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;

/**
 * The CA's consensus check: off by default; when required, no consensus
 * service means no issuance, a refusal is the caller's error, and the
 * operation proved is bound to the request's bytes. The consensus service is
 * a recording test double; ConsensusIT runs the real one.
 */
public class IssuanceConsensusTest {

    private static final byte[] CSR = {0x30, 0x03, 0x02, 0x01, 0x07};

    @Test
    public void notRequiredMeansNotAsked() throws Exception {
        new IssuanceConsensus(false, () -> {
            throw new AssertionError("consensus must not be asked");
        }).check(CSR);
    }

    @Test
    public void requiredButAbsentRefusesTheIssuance() {
        CaUnavailableException refused = assertThrows(CaUnavailableException.class,
                () -> new IssuanceConsensus(true, () -> null).check(CSR));
        assertTrue(refused.getMessage(), refused.getMessage().contains("no consensus service is installed"));
    }

    @Test
    public void theRequestIsProvedAndValidatedAndARefusalStopsIt() throws Exception {
        Recording consensus = new Recording();
        IssuanceConsensus check = new IssuanceConsensus(true, () -> consensus);
        check.check(CSR);
        assertEquals(1, consensus.operations.size());
        Operation operation = consensus.operations.get(0);
        assertEquals(IssuanceConsensus.ISSUE, operation.kind());
        assertArrayEquals(CSR, operation.payload());
        assertEquals(64, operation.subject().length());

        consensus.verdict.set(Verdict.refused("node node9 is quarantined"));
        CaException refused = assertThrows(CaException.class, () -> check.check(CSR));
        assertTrue(refused.getMessage(), refused.getMessage().endsWith("node node9 is quarantined"));
        consensus.failure.set(new ProofException("proof type work unavailable"));
        CaUnavailableException unavailable = assertThrows(CaUnavailableException.class, () -> check.check(CSR));
        assertTrue(unavailable.getMessage(), unavailable.getMessage().endsWith("proof type work unavailable"));
    }

    /** Test double of the consensus service: records what it proves, answers as told. */
    private static final class Recording implements ConsensusService {
        final List<Operation> operations = new ArrayList<>();
        final AtomicReference<Verdict> verdict = new AtomicReference<>(Verdict.ok());
        final AtomicReference<ProofException> failure = new AtomicReference<>();

        @Override
        public ConsensusProof prove(Operation operation) throws ProofException {
            if (failure.get() != null) {
                throw failure.get();
            }
            operations.add(operation);
            return new ConsensusProof("p", new byte[32], "node1", 0, new byte[16], List.of(), new byte[1],
                    new byte[1]);
        }

        @Override
        public Verdict validate(Operation operation, ConsensusProof proof) {
            return verdict.get();
        }

        @Override
        public ConsensusProof decode(byte[] encoded) throws ProofException {
            throw new ProofException("not used");
        }

        @Override
        public ConsensusStatus status() {
            throw new UnsupportedOperationException("not used");
        }
    }
}
