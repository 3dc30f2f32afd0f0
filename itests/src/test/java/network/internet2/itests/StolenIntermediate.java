package network.internet2.itests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.bc.BCObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.util.io.pem.PemReader;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The node's CA intermediate, its keys read from disk as an attacker with access to the node's files could:
 * certificates re-signed with it carry a classical signature that verifies, so a test reaches the checks behind
 * that one — the FALCON-1024 alternative signature (which a quantum attacker forging ECDSA could not make) and
 * the embedded SCTs.
 */
final class StolenIntermediate {

    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";
    private static final String ALT_SIGNATURE_ALGORITHM_OID = "2.5.29.73";
    private static final String ALT_SIGNATURE_VALUE_OID = "2.5.29.74";

    private final X509Certificate certificate;
    private final PrivateKey classicalKey;
    private final PrivateKey falconKey;

    private StolenIntermediate(X509Certificate certificate, PrivateKey classicalKey, PrivateKey falconKey) {
        this.certificate = certificate;
        this.classicalKey = classicalKey;
        this.falconKey = falconKey;
    }

    /** Reads the keys of {@code intermediate} from the CA's files under {@code karafData}. */
    static StolenIntermediate read(Path karafData, X509Certificate intermediate) throws Exception {
        char[] passphrase = Files.readString(karafData.resolve("internet2/secrets/ca.passphrase"),
                StandardCharsets.US_ASCII).trim().toCharArray();
        String serial = intermediate.getSerialNumber().toString(16);
        Path ca = karafData.resolve("internet2/ca");
        return new StolenIntermediate(intermediate, decrypt(ca.resolve("ca-" + serial + ".key.pem"), passphrase),
                decrypt(ca.resolve("ca-" + serial + ".falcon.key.pem"), passphrase));
    }

    private static PrivateKey decrypt(Path file, char[] passphrase) throws Exception {
        try (PemReader reader = new PemReader(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            BouncyCastleProvider provider = new BouncyCastleProvider();
            return new JcaPEMKeyConverter().setProvider(provider).getPrivateKey(
                    new PKCS8EncryptedPrivateKeyInfo(reader.readPemObject().getContent()).decryptPrivateKeyInfo(
                            new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(provider).build(passphrase)));
        }
    }

    /**
     * @return {@code original} with every extension passed through {@code edit}, signed again with the
     *         intermediate's ECDSA key and, as the alternative signature, with {@code falconKeyOrNull}'s FALCON key
     *         (the intermediate's own when {@code null})
     */
    X509Certificate resign(X509Certificate original, CryptoSuite falcon, PrivateKey falconKeyOrNull,
            UnaryOperator<Extension> edit) throws Exception {
        X509CertificateHolder holder = new JcaX509CertificateHolder(original);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(holder.getIssuer(), holder.getSerialNumber(),
                holder.getNotBefore(), holder.getNotAfter(), holder.getSubject(), holder.getSubjectPublicKeyInfo());
        for (Object oid : holder.getExtensions().getExtensionOIDs()) {
            String id = oid.toString();
            if (!id.equals(ALT_SIGNATURE_ALGORITHM_OID) && !id.equals(ALT_SIGNATURE_VALUE_OID)) {
                builder.addExtension(edit.apply(holder.getExtension((ASN1ObjectIdentifier) oid)));
            }
        }
        ContentSigner classical = new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(new BouncyCastleProvider()).build(classicalKey);
        ContentSigner alternative = new FalconSigner(falcon, falconKeyOrNull == null ? falconKey : falconKeyOrNull);
        return new JcaX509CertificateConverter().getCertificate(builder.build(classical, false, alternative));
    }

    /** @return the SCT list extension with one bit of its last signature flipped: a forged SCT */
    static Extension forgeSct(Extension extension) {
        if (!extension.getExtnId().getId().equals(SCT_LIST_OID)) {
            return extension;
        }
        byte[] list = ASN1OctetString.getInstance(extension.getParsedValue()).getOctets().clone();
        list[list.length - 1] ^= 1;
        try {
            return new Extension(extension.getExtnId(), extension.isCritical(), new DEROctetString(list).getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A BouncyCastle signer making FALCON-1024 signatures through the node's post-quantum crypto suite. */
    private static final class FalconSigner implements ContentSigner {
        private final CryptoSuite suite;
        private final PrivateKey key;
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        FalconSigner(CryptoSuite suite, PrivateKey key) {
            this.suite = suite;
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(BCObjectIdentifiers.falcon_1024);
        }

        @Override
        public OutputStream getOutputStream() {
            return content;
        }

        @Override
        public byte[] getSignature() {
            try {
                return suite.sign(Algorithms.FALCON_1024, key, content.toByteArray());
            } catch (Exception e) {
                throw new IllegalStateException("cannot sign with FALCON-1024: " + e.getMessage(), e);
            }
        }
    }
}
