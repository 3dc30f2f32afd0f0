package network.internet2.hypermesh.consensus.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import network.internet2.hypermesh.proof.ProofException;

/**
 * Signing consensus proofs with the node certificate's key and checking them
 * with the certificate's public key: SHA256withECDSA for EC keys (the node
 * certificates TrustChain issues), Ed25519 and SHA256withRSA for the others.
 */
final class NodeSignatures {

    private NodeSignatures() {
    }

    static byte[] sign(PrivateKey key, byte[] data) throws ProofException {
        try {
            Signature signature = Signature.getInstance(algorithm(key.getAlgorithm()));
            signature.initSign(key);
            signature.update(ProofCodec.SIGNATURE_TAG);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new ProofException("cannot sign with the node's " + key.getAlgorithm() + " key: " + e.getMessage(),
                    e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm(key.getAlgorithm()));
            signature.initVerify(key);
            signature.update(ProofCodec.SIGNATURE_TAG);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** @return the first DNS name of the certificate, the node's identity */
    static Optional<String> identity(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(2).equals(name.get(0)) && name.get(1) instanceof String dns) {
                        return Optional.of(dns);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String algorithm(String keyAlgorithm) throws GeneralSecurityException {
        switch (keyAlgorithm) {
            case "EC":
            case "ECDSA":
                return "SHA256withECDSA";
            case "Ed25519":
            case "EdDSA":
                return "Ed25519";
            case "RSA":
                return "SHA256withRSA";
            default:
                throw new GeneralSecurityException("no signature algorithm for a " + keyAlgorithm + " key");
        }
    }
}
