package network.internet2.trustchain.ca.rest.internal;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.UnknownCertificateException;
import network.internet2.trustchain.ca.ValidationResult;

/**
 * A hand-written CA for the endpoint tests: records what it was asked, issues
 * from a fixed certificate, and throws {@link #failure} when one is set.
 */
final class FakeCa implements CertificateAuthority {

    final X509Certificate root;
    final X509Certificate intermediate;
    final X509Certificate leaf;
    final X509CRL crl;
    final Map<BigInteger, IssuedCertificate> issued = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    CertificateRequest lastRequest;
    List<X509Certificate> lastChain;
    String lastName;
    CaException failure;

    FakeCa() throws Exception {
        root = Fixtures.certificate("Test Root", BigInteger.ONE, true);
        intermediate = Fixtures.certificate("Test Intermediate", BigInteger.TWO, true);
        leaf = Fixtures.certificate("node9.internet2.network", new BigInteger("5f3a", 16), false);
        crl = Fixtures.crl(new BigInteger("5f3a", 16));
    }

    private void fail() throws CaException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request) throws CaException {
        calls.add("issue");
        lastRequest = request;
        fail();
        IssuedCertificate result = new IssuedCertificate(leaf.getSerialNumber(), leaf, issuingChain(), null, null);
        issued.put(result.serial(), result);
        return result;
    }

    @Override
    public IssuedCertificate renew(BigInteger serial) throws CaException {
        throw new UnsupportedOperationException();
    }

    @Override
    public IssuedCertificate revoke(BigInteger serial, RevocationReason reason) throws CaException {
        calls.add("revoke");
        fail();
        IssuedCertificate existing = issued.get(serial);
        if (existing == null) {
            throw new UnknownCertificateException(serial);
        }
        IssuedCertificate revoked = new IssuedCertificate(serial, existing.certificate(), existing.chain(),
                Instant.parse("2026-11-24T10:00:00Z"), reason);
        issued.put(serial, revoked);
        return revoked;
    }

    @Override
    public Optional<IssuedCertificate> find(BigInteger serial) {
        calls.add("find");
        return Optional.ofNullable(issued.get(serial));
    }

    @Override
    public List<IssuedCertificate> list() {
        return List.copyOf(issued.values());
    }

    @Override
    public X509Certificate root() {
        calls.add("root");
        if (failure != null) {
            throw new IllegalStateException("the CA is not open: its crypto suites are missing");
        }
        return root;
    }

    @Override
    public List<X509Certificate> issuingChain() {
        return List.of(intermediate, root);
    }

    @Override
    public X509CRL crl() throws CaException {
        calls.add("crl");
        fail();
        return crl;
    }

    @Override
    public ValidationResult validate(List<X509Certificate> chain, String expectedName) {
        calls.add("validate");
        lastChain = chain;
        lastName = expectedName;
        return new ValidationResult(List.of(new ValidationResult.Check("chain.anchor", true, "trusted root")));
    }

    @Override
    public void rotateIntermediate() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rotateRoot() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<X509Certificate> trustedRoots() {
        return List.of(root);
    }

    @Override
    public List<X509Certificate> crossCertificates() {
        return List.of();
    }
}
