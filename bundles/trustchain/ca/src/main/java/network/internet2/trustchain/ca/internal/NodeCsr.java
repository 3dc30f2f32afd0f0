package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.security.KeyPair;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.crypto.Algorithms;

/**
 * Builds the node's own hybrid PKCS#10 request: the classical key signs it as
 * usual, and the FALCON-1024 key is carried as its alternative public key with
 * an alternative signature proving possession.
 */
final class NodeCsr {

    private NodeCsr() {
    }

    static byte[] hybrid(List<String> dnsNames, KeyPair classical, KeyPair falcon, SuiteLookup suites)
            throws CaException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, dnsNames.get(0))
                .addRDN(BCStyle.O, "Internet 2.0").build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    dnsNames.stream().map(name -> new GeneralName(GeneralName.dNSName, name))
                            .toArray(GeneralName[]::new)));
            return new PKCS10CertificationRequestBuilder(subject,
                    SubjectPublicKeyInfo.getInstance(classical.getPublic().getEncoded()))
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(SuiteContentSigner.of(Algorithms.ECDSA_P256, classical.getPrivate(), suites),
                            SubjectPublicKeyInfo.getInstance(falcon.getPublic().getEncoded()),
                            SuiteContentSigner.of(Algorithms.FALCON_1024, falcon.getPrivate(), suites))
                    .getEncoded();
        } catch (IOException e) {
            throw new CaException("cannot encode the node's certificate request: " + e.getMessage(), e);
        }
    }
}
