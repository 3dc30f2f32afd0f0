package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.Test;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.pq.internal.PostQuantumCryptoSuite;

public class PossessionProofTest {

    private static final CryptoSuite PQ = new PostQuantumCryptoSuite();
    private final SecureRandom random = new SecureRandom();

    @Test
    public void eachSideProvesItsFalconKeyBoundToTheConnection() throws Exception {
        KeyPair clientFalcon = PQ.generateKeyPair(Algorithms.FALCON_1024);
        KeyPair serverFalcon = PQ.generateKeyPair(Algorithms.FALCON_1024);
        X509Certificate client = certificate("CN=client", clientFalcon);
        X509Certificate server = certificate("CN=server", serverFalcon);
        byte[] clientNonce = nonce();
        byte[] serverNonce = nonce();
        byte[] serverSays = PossessionProof.transcript(PossessionProof.Role.SERVER, client, server, clientNonce,
                serverNonce);
        byte[] signature = PossessionProof.sign(PQ, serverFalcon.getPrivate(), serverSays);
        PossessionProof.verify(PQ, server, serverSays, signature);

        refused(() -> PossessionProof.verify(PQ, client, serverSays, signature)); // another key
        refused(() -> PossessionProof.verify(PQ, server, PossessionProof.transcript(PossessionProof.Role.CLIENT,
                client, server, clientNonce, serverNonce), signature)); // reflected as the client's proof
        refused(() -> PossessionProof.verify(PQ, server, PossessionProof.transcript(PossessionProof.Role.SERVER,
                client, server, nonce(), serverNonce), signature)); // replayed on another connection
        byte[] forged = signature.clone();
        forged[forged.length / 2] ^= 1;
        refused(() -> PossessionProof.verify(PQ, server, serverSays, forged));
        refused(() -> PossessionProof.verify(PQ, certificate("CN=classical only", null), serverSays, signature));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void refused(Call call) throws Exception {
        try {
            call.run();
            fail("accepted");
        } catch (PeerRefusedException expected) {
            assertEquals(RefusalReason.POSSESSION_PROOF_FAILED, expected.reason());
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[PossessionProof.NONCE_SIZE];
        random.nextBytes(nonce);
        return nonce;
    }

    private static X509Certificate certificate(String subject, KeyPair falcon) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(subject),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)),
                new X500Name(subject), keys.getPublic());
        if (falcon != null) {
            builder.addExtension(Extension.subjectAltPublicKeyInfo, false,
                    SubjectAltPublicKeyInfo.getInstance(falcon.getPublic().getEncoded()));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
