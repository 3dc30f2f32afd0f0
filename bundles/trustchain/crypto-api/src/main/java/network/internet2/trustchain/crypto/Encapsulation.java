package network.internet2.trustchain.crypto;

import java.util.Arrays;

/**
 * Result of a key encapsulation: the shared secret, kept by the sender, and
 * the encapsulation (ciphertext), sent to the recipient.
 *
 * @param secret        the shared secret
 * @param encapsulation the ciphertext the recipient decapsulates
 */
public record Encapsulation(byte[] secret, byte[] encapsulation) {

    /** Copies both arrays so that the record cannot be changed from outside. */
    public Encapsulation {
        secret = secret.clone();
        encapsulation = encapsulation.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public byte[] encapsulation() {
        return encapsulation.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Encapsulation that
                && Arrays.equals(secret, that.secret)
                && Arrays.equals(encapsulation, that.encapsulation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(secret) + Arrays.hashCode(encapsulation);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Encapsulation[" + encapsulation.length + " bytes]";
    }
}
