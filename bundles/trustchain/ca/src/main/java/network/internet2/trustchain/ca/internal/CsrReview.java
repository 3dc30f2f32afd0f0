package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.InvalidRequestException;
import network.internet2.trustchain.crypto.Algorithms;

/**
 * Checks a PKCS#10 request before anything is signed: it parses, its
 * signature proves possession of its key, the key is strong enough, every name
 * lies in the node's zone, and — for a hybrid request — the FALCON-1024 key's
 * alternative signature proves possession of that key too.
 */
final class CsrReview {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * A request that passed review.
     *
     * @param subject        the subject to certify
     * @param publicKey      its classical key
     * @param alternativeKey its FALCON-1024 key, or {@code null}
     * @param dnsNames       the names to certify, all inside the zone
     */
    record Reviewed(X500Name subject, SubjectPublicKeyInfo publicKey, SubjectPublicKeyInfo alternativeKey,
            List<String> dnsNames) {
    }

    private final String zone;
    private final SuiteLookup suites;

    CsrReview(String zone, SuiteLookup suites) {
        this.zone = canonical(zone);
        this.suites = suites;
    }

    Reviewed review(byte[] der) throws InvalidRequestException, CaUnavailableException {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("malformed PKCS#10 request: " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
        requireStrongClassicalKey(key);
        try {
            if (!request.isSignatureValid(SuiteVerifierProvider.of(key, suites))) {
                throw new InvalidRequestException("the request's signature does not verify with its own key");
            }
        } catch (PKCSException | IllegalArgumentException e) {
            throw new InvalidRequestException("the request's signature cannot be checked: " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo alternativeKey = null;
        if (request.hasAltPublicKey()) {
            alternativeKey = alternativeKey(request);
        }
        return new Reviewed(request.getSubject(), key, alternativeKey, names(request));
    }

    private SubjectPublicKeyInfo alternativeKey(PKCS10CertificationRequest request)
            throws InvalidRequestException, CaUnavailableException {
        ASN1Encodable value = request.getAttributes(Extension.subjectAltPublicKeyInfo)[0].getAttrValues()
                .getObjectAt(0);
        SubjectPublicKeyInfo alternativeKey = SubjectPublicKeyInfo.getInstance(value);
        if (!Algorithms.FALCON_1024.equals(SignatureAlgorithms.forKey(alternativeKey))) {
            throw new InvalidRequestException("the alternative public key must be FALCON-1024, not "
                    + alternativeKey.getAlgorithm().getAlgorithm());
        }
        try {
            if (!request.isAltSignatureValid(SuiteVerifierProvider.of(alternativeKey, suites))) {
                throw new InvalidRequestException(
                        "the request's alternative signature does not verify with its FALCON-1024 key");
            }
        } catch (PKCSException | IllegalArgumentException e) {
            throw new InvalidRequestException("the request's alternative signature cannot be checked: "
                    + e.getMessage(), e);
        }
        return alternativeKey;
    }

    private static void requireStrongClassicalKey(SubjectPublicKeyInfo key) throws InvalidRequestException {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm())) {
            BigInteger modulus;
            try {
                modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
            } catch (IOException | RuntimeException e) {
                throw new InvalidRequestException("malformed RSA key", e);
            }
            throw new InvalidRequestException("RSA keys are not accepted (this one has " + modulus.bitLength()
                    + " bits); use ECDSA P-256/P-384 or Ed25519");
        }
        String algorithm = SignatureAlgorithms.forKey(key);
        if (algorithm == null || SignatureAlgorithms.isPostQuantum(algorithm)) {
            throw new InvalidRequestException("weak or unsupported key " + key.getAlgorithm().getAlgorithm()
                    + (key.getAlgorithm().getParameters() != null ? " " + key.getAlgorithm().getParameters() : "")
                    + "; use ECDSA P-256/P-384 or Ed25519 (TLS must be able to use the key)");
        }
    }

    private List<String> names(PKCS10CertificationRequest request) throws InvalidRequestException {
        Set<String> names = new LinkedHashSet<>();
        Extensions extensions = request.getRequestedExtensions();
        GeneralNames alternatives = extensions == null ? null
                : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (alternatives != null) {
            for (GeneralName name : alternatives.getNames()) {
                if (name.getTagNo() != GeneralName.dNSName) {
                    throw new InvalidRequestException("only DNS subject alternative names are certified, not "
                            + name);
                }
                names.add(name.getName().toString());
            }
        }
        for (RDN rdn : request.getSubject().getRDNs(BCStyle.CN)) {
            names.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        if (names.isEmpty()) {
            throw new InvalidRequestException("the request names nothing: give a CN or DNS subject alternative names"
                    + " under " + zone);
        }
        List<String> checked = new ArrayList<>();
        for (String name : names) {
            checked.add(inZone(name));
        }
        return checked;
    }

    private String inZone(String name) throws InvalidRequestException {
        String canonical = canonical(name);
        if (!canonical.equals(zone) && !canonical.endsWith("." + zone)) {
            throw new InvalidRequestException("name " + name + " is outside the zone " + zone);
        }
        for (String label : canonical.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw new InvalidRequestException("name " + name + " is not a valid DNS name");
            }
        }
        return canonical;
    }

    static String canonical(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
