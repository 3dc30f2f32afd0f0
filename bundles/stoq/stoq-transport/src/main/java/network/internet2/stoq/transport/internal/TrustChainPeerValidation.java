package network.internet2.stoq.transport.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import network.internet2.stoq.HandshakeStep;
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
 *
 * <p>In the handshake trace the CA's validation is the timed step {@value #CHAIN_STEP}, followed by the CA's own
 * checks grouped by kind ({@code certificate-chain.revocation}, {@code certificate-chain.altSignature}, …, not
 * timed on their own: they run inside the CA's one call), and the SCT check is the timed step
 * {@value #SCT_STEP}.
 */
final class TrustChainPeerValidation implements PeerCheck {

    static final String CHAIN_STEP = "certificate-chain";
    static final String SCT_STEP = "certificate-transparency";

    private final Supplier<CertificateAuthority> authority;
    private final Supplier<TransparencyLog> log;

    TrustChainPeerValidation(Supplier<CertificateAuthority> authority, Supplier<TransparencyLog> log) {
        this.authority = authority;
        this.log = log;
    }

    @Override
    public PeerIdentity check(List<X509Certificate> chain) throws PeerRefusedException {
        return check(chain, new HandshakeRecorder(HandshakeStep.Side.CLIENT));
    }

    @Override
    public PeerIdentity check(List<X509Certificate> chain, HandshakeRecorder trace) throws PeerRefusedException {
        long start = System.nanoTime();
        if (chain == null || chain.isEmpty()) {
            throw refuse(trace, CHAIN_STEP, start, RefusalReason.UNTRUSTED_ROOT, "no certificate was presented");
        }
        CertificateAuthority ca = authority.get();
        if (ca == null) {
            throw refuse(trace, CHAIN_STEP, start, RefusalReason.CA_UNAVAILABLE,
                    "the TrustChain CA is not installed (feature trustchain-ca), so no peer can be validated");
        }
        ValidationResult result = ca.validate(chain, null);
        long validated = System.nanoTime();
        trace.step(CHAIN_STEP, result.valid(), () -> describe(result), start, validated);
        trace.untimed(validated, () -> checksByKind(result, trace.side()));
        if (!result.valid()) {
            ValidationResult.Check failed = result.failures().isEmpty()
                    ? new ValidationResult.Check("chain", false, "no check ran") : result.failures().get(0);
            throw new PeerRefusedException(reasonOf(failed.name()), failed.name() + ": " + failed.detail());
        }
        long sctStart = System.nanoTime();
        TransparencyLog transparency = log.get();
        if (transparency == null) {
            throw refuse(trace, SCT_STEP, sctStart, RefusalReason.MISSING_SCT,
                    "no trusted CT log is installed (feature trustchain-ct) to check the certificate's SCT");
        }
        EmbeddedSctVerdict verdict = transparency.verifyEmbeddedScts(chain);
        if (verdict == EmbeddedSctVerdict.MISSING) {
            throw refuse(trace, SCT_STEP, sctStart, RefusalReason.MISSING_SCT,
                    "the certificate carries no SCT of a trusted CT log");
        }
        if (verdict != EmbeddedSctVerdict.VALID) {
            throw refuse(trace, SCT_STEP, sctStart, RefusalReason.INVALID_SCT,
                    "the certificate's SCT does not verify against the trusted CT log");
        }
        trace.step(SCT_STEP, true, "the SCT embedded in the leaf verifies against a trusted CT log", sctStart,
                System.nanoTime());
        return new PeerIdentity(nameOf(chain.get(0)), chain);
    }

    private static PeerRefusedException refuse(HandshakeRecorder trace, String step, long start, RefusalReason reason,
            String detail) {
        trace.step(step, false, detail, start, System.nanoTime());
        return new PeerRefusedException(reason, detail);
    }

    /** @return the CA's verdict in one line: how many checks passed, or the first that failed */
    static String describe(ValidationResult result) {
        if (result.valid()) {
            return "the TrustChain CA accepts the chain of " + result.checks().size() + " checks (trusted root, "
                    + "signatures, FALCON-1024 alternative signatures, validity, revocation)";
        }
        if (result.failures().isEmpty()) {
            return "the TrustChain CA ran no check";
        }
        ValidationResult.Check failed = result.failures().get(0);
        return "the TrustChain CA refuses the chain: " + failed.name() + ": " + failed.detail();
    }

    /**
     * The CA's checks grouped by kind, the part of the name after its last dot ({@code leaf.revocation} and
     * {@code [1].revocation} make {@code certificate-chain.revocation}), in the order the CA ran them.
     */
    static List<HandshakeStep> checksByKind(ValidationResult result, HandshakeStep.Side side) {
        Map<String, List<ValidationResult.Check>> kinds = new LinkedHashMap<>();
        for (ValidationResult.Check check : result.checks()) {
            String name = check.name();
            String kind = name.substring(name.lastIndexOf('.') + 1);
            kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(check);
        }
        List<HandshakeStep> steps = new ArrayList<>();
        for (Map.Entry<String, List<ValidationResult.Check>> kind : kinds.entrySet()) {
            boolean passed = kind.getValue().stream().allMatch(ValidationResult.Check::passed);
            List<String> details = new ArrayList<>();
            for (ValidationResult.Check check : kind.getValue()) {
                details.add(check.name() + ": " + (check.passed() ? "" : "FAILED, ") + check.detail());
            }
            steps.add(new HandshakeStep(CHAIN_STEP + "." + kind.getKey(), side, passed, String.join("; ", details),
                    HandshakeStep.NOT_TIMED));
        }
        return steps;
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
