package network.internet2.stoq.transport.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * Proof that a peer holds the FALCON-1024 key its certificate names (its
 * {@code subjectAltPublicKeyInfo}, 2.5.29.72): TLS can only check the
 * classical key, so after the handshake each side signs, with its FALCON-1024
 * key, a transcript bound to this connection — both certificates' SHA-256 and a
 * fresh 32-byte nonce chosen by each side (Netty does not expose the TLS
 * exporter) — and verifies the other's signature.
 */
final class PossessionProof {

    static final int NONCE_SIZE = 32;
    private static final byte[] LABEL = "STOQ/1 post-quantum possession proof".getBytes(StandardCharsets.US_ASCII);
    /** X.509 (10/2019) subjectAltPublicKeyInfo. */
    static final String ALT_PUBLIC_KEY_OID = "2.5.29.72";

    /** Which side signs: the transcript differs, so a signature cannot be reflected back. */
    enum Role {
        CLIENT, SERVER
    }

    private PossessionProof() {
    }

    static byte[] transcript(Role signer, X509Certificate client, X509Certificate server, byte[] clientNonce,
            byte[] serverNonce) {
        if (clientNonce.length != NONCE_SIZE || serverNonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("nonces are " + NONCE_SIZE + " bytes");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(LABEL);
            out.write(signer == Role.CLIENT ? 'C' : 'S');
            out.writeBytes(sha256.digest(client.getEncoded()));
            out.writeBytes(sha256.digest(server.getEncoded()));
            out.writeBytes(clientNonce);
            out.writeBytes(serverNonce);
            return out.toByteArray();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot build the possession transcript: " + e.getMessage(), e);
        }
    }

    static byte[] sign(CryptoSuite postQuantum, PrivateKey falconKey, byte[] transcript) throws CryptoException {
        return postQuantum.sign(Algorithms.FALCON_1024, falconKey, transcript);
    }

    /** @throws PeerRefusedException with {@link RefusalReason#POSSESSION_PROOF_FAILED} unless the signature verifies */
    static void verify(CryptoSuite postQuantum, X509Certificate peer, byte[] transcript, byte[] signature)
            throws PeerRefusedException {
        PublicKey key = alternativeKey(postQuantum, peer);
        boolean valid;
        try {
            valid = postQuantum.verify(Algorithms.FALCON_1024, key, transcript, signature);
        } catch (CryptoException e) {
            valid = false;
        }
        if (!valid) {
            throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                    "the FALCON-1024 signature over this connection's transcript does not verify with the key "
                            + "named in " + peer.getSubjectX500Principal());
        }
    }

    /** @return the FALCON-1024 key named in the certificate's subjectAltPublicKeyInfo extension */
    static PublicKey alternativeKey(CryptoSuite postQuantum, X509Certificate certificate)
            throws PeerRefusedException {
        byte[] extension = certificate.getExtensionValue(ALT_PUBLIC_KEY_OID);
        if (extension == null) {
            throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                    certificate.getSubjectX500Principal() + " names no post-quantum key (no 2.5.29.72 extension)");
        }
        try {
            return postQuantum.decodePublicKey(Algorithms.FALCON_1024, octetStringContents(extension));
        } catch (CryptoException | IllegalArgumentException e) {
            throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                    "the post-quantum key of " + certificate.getSubjectX500Principal() + " is unreadable: "
                            + e.getMessage());
        }
    }

    /** The DER OCTET STRING {@code getExtensionValue} returns wraps the extension's value: unwrap it. */
    private static byte[] octetStringContents(byte[] der) {
        if (der.length < 2 || der[0] != 0x04) {
            throw new IllegalArgumentException("not an OCTET STRING");
        }
        int length = der[1] & 0xFF;
        int offset = 2;
        if (length > 0x80) {
            int bytes = length - 0x80;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[2 + i] & 0xFF);
            }
            offset += bytes;
        }
        if (offset + length != der.length) {
            throw new IllegalArgumentException("bad OCTET STRING length");
        }
        return java.util.Arrays.copyOfRange(der, offset, der.length);
    }
}
