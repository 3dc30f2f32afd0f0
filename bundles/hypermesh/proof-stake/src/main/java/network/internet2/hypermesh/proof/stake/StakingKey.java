package network.internet2.hypermesh.proof.stake;

import java.util.Objects;

/**
 * A staking public key, as shown to people.
 *
 * @param algorithm   its algorithm, as named in {@code network.internet2.trustchain.crypto.Algorithms}
 * @param fingerprint SHA-256 of its X.509 SubjectPublicKeyInfo, 64 lower-case hex digits
 */
public record StakingKey(String algorithm, String fingerprint) {

    public StakingKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
