package network.internet2.stoq.transport.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.ct.EmbeddedSctVerdict;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * Decides at the handshake whether a peer's certificate chain is acceptable:
 * the TrustChain CA validates it (trusted root, classical and FALCON-1024
 * alternative signatures, validity, revocation) and the CT log checks the SCT
 * embedded in the leaf. The first failing check names the refusal reason.
 * Both services are asked for at each handshake, so uninstalling the CA makes
 * new handshakes fail with {@link RefusalReason#CA_UNAVAILABLE} and
 * reinstalling it restores them.
 */
final class TrustChainPeerValidation {

    private final Supplier<CertificateAuthority> authority;
    private final Supplier<TransparencyLog> log;

    TrustChainPeerValidation(Supplier<CertificateAuthority> authority, Supplier<TransparencyLog> log) {
        this.authority = authority;
        this.log = log;
    }

    PeerIdentity check(List<X509Certificate> chain) throws PeerRefusedException {
        if (chain == null || chain.isEmpty()) {
            throw new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT, "no certificate was presented");
        }
        CertificateAuthority ca = authority.get();
        if (ca == null) {
            throw new PeerRefusedException(RefusalReason.CA_UNAVAILABLE,
                    "the TrustChain CA is not installed (feature trustchain-ca), so no peer can be validated");
        }
        ValidationResult result = ca.validate(chain, null);
        if (!result.valid()) {
            ValidationResult.Check failed = result.failures().isEmpty()
                    ? new ValidationResult.Check("chain", false, "no check ran") : result.failures().get(0);
            throw new PeerRefusedException(reasonOf(failed.name()), failed.name() + ": " + failed.detail());
        }
        TransparencyLog transparency = log.get();
        if (transparency == null) {
            throw new PeerRefusedException(RefusalReason.MISSING_SCT,
                    "no trusted CT log is installed (feature trustchain-ct) to check the certificate's SCT");
        }
        EmbeddedSctVerdict verdict = transparency.verifyEmbeddedScts(chain);
        if (verdict == EmbeddedSctVerdict.MISSING) {
            throw new PeerRefusedException(RefusalReason.MISSING_SCT,
                    "the certificate carries no SCT of a trusted CT log");
        }
        if (verdict != EmbeddedSctVerdict.VALID) {
            throw new PeerRefusedException(RefusalReason.INVALID_SCT,
                    "the certificate's SCT does not verify against the trusted CT log");
        }
        return new PeerIdentity(nameOf(chain.get(0)), chain);
    }

    /** Maps the CA's check names ({@code chain.anchor}, {@code leaf.validity}, {@code [1].altSignature}, …). */
    static RefusalReason reasonOf(String check) {
        if (check.endsWith(".validity")) {
            return RefusalReason.EXPIRED;
        }
        if (check.endsWith(".revocation")) {
            return RefusalReason.REVOKED;
        }
        if (check.endsWith(".altSignature")) {
            return RefusalReason.ALT_SIGNATURE_INVALID;
        }
        return RefusalReason.UNTRUSTED_ROOT;
    }

    /** @return the leaf's first DNS subject alternative name, else its subject */
    static String nameOf(X509Certificate leaf) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(2).equals(name.get(0))) {
                        return (String) name.get(1);
                    }
                }
            }
        } catch (CertificateParsingException unreadable) {
            // fall back to the subject
        }
        return leaf.getSubjectX500Principal().getName();
    }
}
