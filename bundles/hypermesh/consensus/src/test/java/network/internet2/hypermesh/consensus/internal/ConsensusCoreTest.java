package network.internet2.hypermesh.consensus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Before;
import org.junit.Test;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.NodeCertificate;

/**
 * Consensus proofs made and checked with a real node certificate (ECDSA P-256
 * under a test root) and two cheap test engines standing for the four real
 * ones (the policy names them, as it may name any installed type).
 */
public class ConsensusCoreTest {

    private static final Operation ALLOCATE = new Operation("asset.allocate", "memory",
            "kind=memory\namount=4096\n".getBytes(StandardCharsets.UTF_8));

    private final Map<String, ProofEngine> engines = new ConcurrentHashMap<>();
    private final DigestEngine alpha = new DigestEngine("alpha");
    private final DigestEngine beta = new DigestEngine("beta");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T12:00:00Z"));
    private TestNode pki;
    private NodeCertificate node1;
    private ConsensusCore core;

    @Before
    public void setUp() throws Exception {
        pki = new TestNode();
        node1 = pki.node("node1.internet2.network");
        engines.put("alpha", alpha);
        engines.put("beta", beta);
        core = core(Duration.ofSeconds(5), node1);
    }

    private ConsensusCore core(Duration timeout, NodeCertificate certificate) {
        ConsensusPolicy policy = new ConsensusPolicy(List.of("alpha", "beta"), timeout, Duration.ofMinutes(5),
                Duration.ofSeconds(30), 3, Duration.ofMinutes(10), 1000);
        return new ConsensusCore(policy, engines::get, () -> List.copyOf(engines.keySet()), () -> certificate,
                pki.check(), clock());
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    public void aProofMadeForAnOperationValidatesOnceAndOnlyForIt() throws Exception {
        ConsensusProof proof = core.prove(ALLOCATE);
        assertEquals("node1.internet2.network", proof.nodeIdentity());
        assertEquals(List.of("alpha", "beta"), proof.proofs().stream().map(Proof::type).toList());
        assertEquals(Verdict.ok(), core.validate(ALLOCATE, proof));
        Verdict replay = core.validate(ALLOCATE, proof);
        assertFalse(replay.valid());
        assertTrue(replay.reason(), replay.reason().contains("was presented before"));
        Verdict other = core.validate(new Operation("asset.allocate", "memory", "amount=8192".getBytes()),
                core.prove(ALLOCATE));
        assertTrue(other.reason(), other.reason().contains("bound to another operation"));
        ConsensusStatus status = core.status();
        assertEquals(2, status.proved());
        assertEquals(1, status.validated());
        assertEquals(Long.valueOf(1), status.refusals().get("replayed"));
        assertTrue(status.verifyTimings().containsKey("alpha"));
    }

    @Test
    public void aTamperedByteAnywhereIsDetected() throws Exception {
        byte[] encoded = core.prove(ALLOCATE).encoded();
        for (int i = 0; i < encoded.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] tampered = encoded.clone();
                tampered[i] ^= bit;
                ConsensusProof decoded;
                try {
                    decoded = core.decode(tampered);
                } catch (ProofException detected) {
                    continue;
                }
                Verdict verdict = core.validate(ALLOCATE, decoded);
                assertFalse("byte " + i + " bit " + bit + " went unnoticed", verdict.valid());
            }
        }
        assertEquals("the untampered proof still holds", Verdict.ok(),
                core.validate(ALLOCATE, core.decode(encoded)));
    }

    @Test
    public void staleAndFutureProofsAreRefused() throws Exception {
        ConsensusProof proof = core.prove(ALLOCATE);
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertTrue(core.validate(ALLOCATE, proof).reason().contains("stale"));
        ConsensusProof later = core.prove(ALLOCATE);
        now.set(now.get().minus(Duration.ofMinutes(1)));
        assertTrue(core.validate(ALLOCATE, later).reason().contains("from the future"));
    }

    @Test
    public void aProofSignedForAnotherNodeOrByAnUntrustedOneIsRefused() throws Exception {
        NodeCertificate node2 = pki.node("node2.internet2.network");
        ProofCodec.Unsigned unsigned = new ProofCodec.Unsigned(new byte[16], Hashes.operation(ALLOCATE),
                "node1.internet2.network", now.get().toEpochMilli(), new byte[16], node2.chain(),
                List.of(new Proof("alpha", new byte[] {1}), new Proof("beta", new byte[] {1})));
        byte[] signed = ProofCodec.signedPart(unsigned);
        ConsensusProof posing = ProofCodec.assemble(unsigned, signed, NodeSignatures.sign(node2.privateKey(), signed));
        assertTrue(core.validate(ALLOCATE, posing).reason().contains("does not name its node"));

        ConsensusCore stranger = core(Duration.ofSeconds(5), new TestNode().node("node1.internet2.network"));
        Verdict untrusted = core.validate(ALLOCATE, stranger.prove(ALLOCATE));
        assertTrue(untrusted.reason(), untrusted.reason().contains("certificate is refused"));
    }

    @Test
    public void aMissingEngineFailsFastAndIsNamed() throws Exception {
        ConsensusProof proof = core.prove(ALLOCATE);
        engines.remove("beta");
        ProofException unavailable = assertThrows(ProofException.class, () -> core.prove(ALLOCATE));
        assertTrue(unavailable.getMessage(), unavailable.getMessage().startsWith("proof type beta unavailable"));
        assertEquals("proof type beta unavailable", core.validate(ALLOCATE, proof).reason());
        engines.put("beta", beta);
        assertEquals(Verdict.ok(), core.validate(ALLOCATE, proof));
    }

    @Test
    public void aNodeWhoseProofsKeepFailingIsQuarantinedForAWhile() throws Exception {
        beta.refuseAll.set(true);
        for (int i = 0; i < 3; i++) {
            assertEquals("beta: told to refuse", core.validate(ALLOCATE, core.prove(ALLOCATE)).reason());
        }
        beta.refuseAll.set(false);
        Verdict quarantined = core.validate(ALLOCATE, core.prove(ALLOCATE));
        assertTrue(quarantined.reason(), quarantined.reason().startsWith("node node1.internet2.network is "
                + "quarantined until"));
        assertEquals(1, core.status().quarantined().size());
        assertTrue(core.status().quarantined().get(0).reason().contains("3 failed validations in a row"));
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertEquals(Verdict.ok(), core.validate(ALLOCATE, core.prove(ALLOCATE)));
        assertTrue(core.status().quarantined().isEmpty());
    }

    @Test
    public void aValidationOverItsTimeoutIsRefused() throws Exception {
        ConsensusCore strict = core(Duration.ofMillis(20), node1);
        beta.verifyDelayMillis.set(60);
        Verdict slow = strict.validate(ALLOCATE, strict.prove(ALLOCATE));
        assertTrue(slow.reason(), slow.reason().contains("over the 20 ms limit"));
    }

    @Test
    public void withoutACertificateNothingIsProved() {
        ConsensusCore orphan = core(Duration.ofSeconds(5), null);
        ProofException none = assertThrows(ProofException.class, () -> orphan.prove(ALLOCATE));
        assertTrue(none.getMessage(), none.getMessage().contains("no certificate"));
    }

    @Test
    public void theDecoderRefusesEveryMangledInputWithAProofExceptionOnly() throws Exception {
        byte[] encoded = core.prove(ALLOCATE).encoded();
        Random random = new Random(2026);
        int refused = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] mangled = mangle(encoded, random);
            try {
                core.decode(mangled);
            } catch (ProofException expected) {
                refused++;
            }
        }
        assertTrue("most mangled inputs are malformed: " + refused, refused > 1000);
        assertThrows(ProofException.class, () -> core.decode(new byte[0]));
        assertThrows(ProofException.class, () -> core.decode(new byte[ProofCodec.MAX_ENCODED_BYTES + 1]));
    }

    private static byte[] mangle(byte[] encoded, Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return java.util.Arrays.copyOf(encoded, random.nextInt(encoded.length));
            case 1: {
                byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1 + random.nextInt(64));
                random.nextBytes(new byte[1]);
                return longer;
            }
            case 2: {
                byte[] copy = encoded.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default: {
                byte[] noise = new byte[random.nextInt(512)];
                random.nextBytes(noise);
                return noise;
            }
        }
    }
}
