package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.Test;

import network.internet2.stoq.HandshakeStep;
import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.ct.EmbeddedSctVerdict;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * How the CA's named checks and the CT log's verdict become refusal reasons. The CA and the log are stood in
 * for by answers fixed in each case; the real ones are exercised end to end by the integration tests.
 */
public class TrustChainPeerValidationTest {

    private X509Certificate leaf;

    @Test
    public void eachFailingCheckNamesItsReason() throws Exception {
        leaf = certificate("node9.internet2.network");
        assertRefused(RefusalReason.UNTRUSTED_ROOT, failing("chain.anchor"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.UNTRUSTED_ROOT, failing("[0].signature"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.EXPIRED, failing("leaf.validity"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.EXPIRED, failing("[1].validity"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.REVOKED, failing("leaf.revocation"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.ALT_SIGNATURE_INVALID, failing("[0].altSignature"), EmbeddedSctVerdict.VALID);
        assertRefused(RefusalReason.MISSING_SCT, passing(), EmbeddedSctVerdict.MISSING);
        assertRefused(RefusalReason.INVALID_SCT, passing(), EmbeddedSctVerdict.INVALID);
        PeerIdentity peer = new TrustChainPeerValidation(() -> ca(passing()), () -> log(EmbeddedSctVerdict.VALID))
                .check(List.of(leaf));
        assertEquals("node9.internet2.network", peer.name());
    }

    @Test
    public void withoutTheCaOrTheLogNoPeerIsAccepted() throws Exception {
        leaf = certificate("node9.internet2.network");
        try {
            new TrustChainPeerValidation(() -> null, () -> log(EmbeddedSctVerdict.VALID)).check(List.of(leaf));
            fail("accepted without a CA");
        } catch (PeerRefusedException expected) {
            assertEquals(RefusalReason.CA_UNAVAILABLE, expected.reason());
            assertTrue(expected.getMessage(), expected.getMessage().contains("trustchain-ca"));
        }
        try {
            new TrustChainPeerValidation(() -> ca(passing()), () -> null).check(List.of(leaf));
            fail("accepted without a log");
        } catch (PeerRefusedException expected) {
            assertEquals(RefusalReason.MISSING_SCT, expected.reason());
        }
    }

    @Test
    public void theTraceShowsTheCaValidationTimedItsChecksByKindAndTheSctCheck() throws Exception {
        leaf = certificate("node9.internet2.network");
        ValidationResult result = new ValidationResult(List.of(
                new ValidationResult.Check("chain.anchor", true, "trusted root CN=root"),
                new ValidationResult.Check("leaf.signature", true, "signed by CN=intermediate"),
                new ValidationResult.Check("leaf.revocation", true, "not revoked"),
                new ValidationResult.Check("[1].revocation", true, "not revoked")));
        HandshakeRecorder trace = new HandshakeRecorder(HandshakeStep.Side.SERVER);

        new TrustChainPeerValidation(() -> ca(result), () -> log(EmbeddedSctVerdict.VALID)).check(List.of(leaf), trace);

        List<HandshakeStep> steps = HandshakeRecorder.steps(trace.entries());
        assertEquals(List.of("certificate-chain", "certificate-chain.anchor", "certificate-chain.signature",
                "certificate-chain.revocation", "certificate-transparency"),
                steps.stream().map(HandshakeStep::name).toList());
        assertTrue(steps.stream().allMatch(step -> step.passed() && step.side() == HandshakeStep.Side.SERVER));
        assertTrue(steps.get(0).timed());
        assertFalse("the CA's checks run inside its one call", steps.get(3).timed());
        assertEquals("leaf.revocation: not revoked; [1].revocation: not revoked", steps.get(3).detail());
        assertTrue(steps.get(4).timed());
    }

    @Test
    public void aRefusalIsTheLastStepOfTheTraceAndNamesTheFailingCheck() throws Exception {
        leaf = certificate("node9.internet2.network");
        HandshakeRecorder trace = new HandshakeRecorder(HandshakeStep.Side.CLIENT);
        try {
            new TrustChainPeerValidation(() -> ca(failing("leaf.revocation")), () -> log(EmbeddedSctVerdict.VALID))
                    .check(List.of(leaf), trace);
            fail("a revoked leaf was accepted");
        } catch (PeerRefusedException expected) {
            assertEquals(RefusalReason.REVOKED, expected.reason());
        }
        List<HandshakeStep> steps = HandshakeRecorder.steps(trace.entries());
        assertFalse(steps.get(0).passed());
        assertTrue(steps.get(0).detail(), steps.get(0).detail().contains("leaf.revocation: fails in this case"));
        HandshakeStep revocation = steps.stream().filter(step -> step.name().equals("certificate-chain.revocation"))
                .findFirst().orElseThrow();
        assertFalse(revocation.passed());
        assertTrue("no SCT check after a refusal",
                steps.stream().noneMatch(step -> step.name().equals("certificate-transparency")));

        HandshakeRecorder noLog = new HandshakeRecorder(HandshakeStep.Side.CLIENT);
        try {
            new TrustChainPeerValidation(() -> ca(passing()), () -> log(EmbeddedSctVerdict.MISSING))
                    .check(List.of(leaf), noLog);
            fail("a leaf without SCT was accepted");
        } catch (PeerRefusedException expected) {
            HandshakeStep last = HandshakeRecorder.steps(noLog.entries()).get(2);
            assertEquals("certificate-transparency", last.name());
            assertFalse(last.passed());
        }
    }

    private void assertRefused(RefusalReason reason, ValidationResult result, EmbeddedSctVerdict verdict) {
        try {
            new TrustChainPeerValidation(() -> ca(result), () -> log(verdict)).check(List.of(leaf));
            fail("accepted; expected " + reason);
        } catch (PeerRefusedException expected) {
            assertEquals(expected.getMessage(), reason, expected.reason());
        }
    }

    private static ValidationResult failing(String check) {
        return new ValidationResult(List.of(new ValidationResult.Check("chain.present", true, "present"),
                new ValidationResult.Check(check, false, "fails in this case")));
    }

    private static ValidationResult passing() {
        return new ValidationResult(List.of(new ValidationResult.Check("chain.anchor", true, "trusted")));
    }

    private static CertificateAuthority ca(ValidationResult result) {
        return (CertificateAuthority) Proxy.newProxyInstance(CertificateAuthority.class.getClassLoader(),
                new Class<?>[] {CertificateAuthority.class}, (proxy, method, args) -> {
                    if (method.getName().equals("validate")) {
                        return result;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TransparencyLog log(EmbeddedSctVerdict verdict) {
        return (TransparencyLog) Proxy.newProxyInstance(TransparencyLog.class.getClassLoader(),
                new Class<?>[] {TransparencyLog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("verifyEmbeddedScts")) {
                        return verdict;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static X509Certificate certificate(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                java.math.BigInteger.ONE, new java.util.Date(now - 60_000), new java.util.Date(now + 3_600_000),
                new X500Name("CN=" + name), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
