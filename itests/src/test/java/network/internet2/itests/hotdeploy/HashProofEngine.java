package network.internet2.itests.hotdeploy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.Verdict;

/**
 * A fifth proof type, {@value #TYPE}, for the test that a proof type installed
 * as a bundle becomes usable once the policy names it: its proof is SHA-256 of
 * a tag and the challenge value, so it is bound to the challenge but costs
 * nothing (a test engine, not a real proof).
 */
public final class HashProofEngine implements ProofEngine {

    public static final String TYPE = "itest-hash";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Proof prove(Challenge challenge) {
        return new Proof(TYPE, digest(challenge.value()));
    }

    @Override
    public Verdict verify(Challenge challenge, Proof proof) {
        return MessageDigest.isEqual(proof.encoded(), digest(challenge.value())) ? Verdict.ok()
                : Verdict.refused("the hash does not match the challenge");
    }

    private static byte[] digest(byte[] value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TYPE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return sha.digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
