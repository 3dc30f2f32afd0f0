package network.internet2.hypermesh.proof.stake;

import java.util.Objects;

/**
 * An account of the stake ledger.
 *
 * @param account        the node identity naming it
 * @param balance        its current balance
 * @param keyAlgorithm   the algorithm of its staking key, as named in
 *                       {@code network.internet2.trustchain.crypto.Algorithms}
 * @param keyFingerprint SHA-256 of its staking key's X.509 SubjectPublicKeyInfo, 64 lower-case hex digits
 * @param heldHere       whether this node holds the staking key, and so can prove, deposit and withdraw for it
 */
public record StakeAccount(String account, long balance, String keyAlgorithm, String keyFingerprint,
        boolean heldHere) {

    public StakeAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    }
}
