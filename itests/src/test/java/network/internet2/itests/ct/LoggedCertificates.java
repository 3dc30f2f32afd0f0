package network.internet2.itests.ct;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * What an auditor derives from an issued certificate, written from RFC 6962
 * alone: its embedded SCT, the precertificate entry the log must hold for it
 * (issuer key hash and the TBS without the SCT list — and, for hybrid
 * certificates, without the alternative signature, which differs between
 * precertificate and certificate), and the Merkle leaf hash of that entry.
 */
final class LoggedCertificates {

    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";
    private static final Set<ASN1ObjectIdentifier> NOT_LOGGED = Set.of(new ASN1ObjectIdentifier(SCT_LIST_OID),
            new ASN1ObjectIdentifier("2.5.29.74"));

    private LoggedCertificates() {
    }

    /** A PKCS#10 request (DER) for {@code name}, ECDSA P-256. */
    static byte[] request(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + name), keys.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }

    static Rfc9162Verifier.Sct embeddedSct(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(SCT_LIST_OID);
        if (extension == null) {
            throw new AssertionError("no SCT list extension in " + certificate.getSubjectX500Principal());
        }
        List<byte[]> scts = Rfc9162Verifier.parseSctList(extension);
        return Rfc9162Verifier.parseSct(scts.get(0));
    }

    static byte[] issuerKeyHash(X509Certificate issuer) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(issuer.getPublicKey().getEncoded());
    }

    static byte[] loggedTbs(X509Certificate certificate) throws Exception {
        TBSCertificate tbs = TBSCertificate.getInstance(certificate.getTBSCertificate());
        List<Extension> kept = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : tbs.getExtensions().getExtensionOIDs()) {
            if (!NOT_LOGGED.contains(oid)) {
                kept.add(tbs.getExtensions().getExtension(oid));
            }
        }
        return new TBSCertificate(tbs.getVersion(), tbs.getSerialNumber(), tbs.getSignature(), tbs.getIssuer(),
                tbs.getValidity(), tbs.getSubject(), tbs.getSubjectPublicKeyInfo(), tbs.getIssuerUniqueId(),
                tbs.getSubjectUniqueId(), new Extensions(kept.toArray(new Extension[0]))).getEncoded(ASN1Encoding.DER);
    }

    /** RFC 6962 3.4 MerkleTreeLeaf of a precert_entry with no extensions. */
    static byte[] precertLeafInput(long timestamp, byte[] issuerKeyHash, byte[] tbs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0); // version v1
        out.write(0); // timestamped_entry
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (timestamp >>> shift));
        }
        out.write(0);
        out.write(1); // precert_entry
        out.write(issuerKeyHash);
        out.write(tbs.length >>> 16);
        out.write(tbs.length >>> 8);
        out.write(tbs.length);
        out.write(tbs);
        out.write(0);
        out.write(0); // no extensions
        return out.toByteArray();
    }
}
