package network.internet2.trustchain.ct.internal;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import network.internet2.trustchain.ct.LogException;

/**
 * Decides whether the log accepts a submitted chain (RFC 6962 section 4.1):
 * each certificate is signed by the next, and the chain ends at one of the
 * accepted roots (or at a certificate one of them signed). A precertificate
 * chain must start with a poisoned leaf, an ordinary one must not.
 */
final class ChainCheck {

    private ChainCheck() {
    }

    static void check(List<X509Certificate> chain, boolean precert, List<X509Certificate> roots)
            throws LogException.BadRequest {
        if (chain == null || chain.isEmpty()) {
            throw new LogException.BadRequest("the chain is empty");
        }
        if (chain.size() > 10) {
            throw new LogException.BadRequest("the chain has " + chain.size() + " certificates; at most 10");
        }
        if (roots.isEmpty()) {
            throw new LogException.BadRequest("the log accepts no roots yet (the TrustChain CA is not running)");
        }
        X509Certificate leaf = chain.get(0);
        boolean poisoned = Precertificates.isPrecertificate(leaf);
        if (precert && !poisoned) {
            throw new LogException.BadRequest("add-pre-chain needs a precertificate: the leaf has no critical "
                    + "CT poison extension (1.3.6.1.4.1.11129.2.4.3)");
        }
        if (!precert && poisoned) {
            throw new LogException.BadRequest("the leaf is a precertificate (it carries the CT poison extension); "
                    + "submit it with add-pre-chain");
        }
        if (precert && chain.size() < 2) {
            throw new LogException.BadRequest("a precertificate chain needs the issuer after the precertificate");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!signedBy(chain.get(i), chain.get(i + 1))) {
                throw new LogException.BadRequest("certificate " + i + " (" + chain.get(i).getSubjectX500Principal()
                        + ") is not signed by certificate " + (i + 1));
            }
        }
        X509Certificate last = chain.get(chain.size() - 1);
        for (X509Certificate root : roots) {
            if (sameCertificate(last, root) || signedBy(last, root)) {
                return;
            }
        }
        throw new LogException.BadRequest("the chain does not end at an accepted root (it ends at "
                + last.getSubjectX500Principal() + "); see get-roots");
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
