package network.internet2.hypermesh.consensus.internal;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.Verdict;

/**
 * Test engine: its proof is SHA-256 of the type and the challenge value, so it
 * is bound to the challenge like a real engine's, but costs nothing. It can be
 * told to refuse everything or to take its time verifying.
 */
final class DigestEngine implements ProofEngine {

    private final String type;
    final AtomicBoolean refuseAll = new AtomicBoolean();
    final AtomicLong verifyDelayMillis = new AtomicLong();

    DigestEngine(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Proof prove(Challenge challenge) {
        return new Proof(type, Hashes.sha256(type.getBytes(), challenge.value()));
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        if (verifyDelayMillis.get() > 0) {
            try {
                Thread.sleep(verifyDelayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (refuseAll.get()) {
            return Verdict.refused("told to refuse");
        }
        return MessageDigest.isEqual(proof.encoded(), Hashes.sha256(type.getBytes(), challenge.value()))
                ? Verdict.ok() : Verdict.refused("the digest does not match the challenge");
    }
}
