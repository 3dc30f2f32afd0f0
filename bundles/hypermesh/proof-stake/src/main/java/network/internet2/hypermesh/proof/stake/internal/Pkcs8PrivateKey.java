package network.internet2.hypermesh.proof.stake.internal;

import java.security.PrivateKey;

/**
 * A private key read back from its PKCS#8 file, handed to a crypto suite as
 * its encoding: the suites accept keys of any provider by decoding the
 * encoding with their own. Never printed.
 */
final class Pkcs8PrivateKey implements PrivateKey {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] encoded;

    Pkcs8PrivateKey(String algorithm, byte[] encoded) {
        this.algorithm = algorithm;
        this.encoded = encoded.clone();
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "PKCS#8";
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public String toString() {
        return algorithm + " private key (PKCS#8, " + encoded.length + " bytes)";
    }
}
