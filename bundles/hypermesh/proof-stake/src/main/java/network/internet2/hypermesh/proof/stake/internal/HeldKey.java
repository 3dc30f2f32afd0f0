package network.internet2.hypermesh.proof.stake.internal;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A staking key pair this node holds.
 *
 * @param algorithm     its algorithm, as named in {@code Algorithms}
 * @param publicKeyInfo the public key's X.509 SubjectPublicKeyInfo
 * @param publicKey     the public key
 * @param privateKey    the private key
 * @param fingerprint   SHA-256 of {@code publicKeyInfo}, hex
 */
record HeldKey(String algorithm, byte[] publicKeyInfo, PublicKey publicKey, PrivateKey privateKey,
        String fingerprint) {

    HeldKey {
        publicKeyInfo = publicKeyInfo.clone();
    }

    @Override
    public byte[] publicKeyInfo() {
        return publicKeyInfo.clone();
    }

    @Override
    public String toString() {
        return "HeldKey[" + algorithm + " " + fingerprint + "]";
    }
}
