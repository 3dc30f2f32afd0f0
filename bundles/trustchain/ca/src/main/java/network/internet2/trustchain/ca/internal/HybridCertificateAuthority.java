package network.internet2.trustchain.ca.internal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.RuntimeOperatorException;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.InvalidRequestException;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.UnknownCertificateException;
import network.internet2.trustchain.ca.ValidationResult;
import network.internet2.trustchain.ca.internal.HybridCertificateBuilder.Profile;
import network.internet2.trustchain.ca.internal.HybridCertificateBuilder.Subject;
import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The CA itself, free of OSGi: bootstraps or reloads its root and
 * intermediate from its directory, issues from reviewed requests, and records
 * every certificate and revocation in the {@link IssuanceJournal} before
 * answering. Thread-safe: state changes are serialised on this object.
 */
final class HybridCertificateAuthority implements CertificateAuthority, MeasuredAuthority, AutoCloseable {

    private static final String CLASSICAL_ALGORITHM = Algorithms.ECDSA_P256;
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final CaSettings settings;
    private final SuiteLookup suites;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HybridCertificateBuilder builder;
    private final CsrReview review;
    private final ChainValidator validator;
    private final KeyVault vault;
    private final IssuanceJournal journal;
    private final CertificateFactory certificates;

    private final Map<BigInteger, IssuedCertificate> issued = new LinkedHashMap<>();
    private final LiveCertificates live = new LiveCertificates();
    private long revocations;
    private volatile CaOperationObserver observer = CaOperationObserver.NONE;
    private final Map<BigInteger, Authority> intermediates = new LinkedHashMap<>();
    private final List<Authority> roots = new ArrayList<>();
    /** The CT poison extension (RFC 6962 section 3.1), critical, value NULL. */
    static final ASN1ObjectIdentifier CT_POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");
    /** ASN.1 NULL in DER: the poison's value. */
    private static final byte[] DER_NULL = {0x05, 0x00};
    /** The embedded SCT list extension (RFC 6962 section 3.3). */
    static final ASN1ObjectIdentifier CT_SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

    private final List<X509Certificate> crossCertificates = new ArrayList<>();
    private Authority root;
    private Authority intermediate;
    private PrecertificateLog transparency = PrecertificateLog.NONE;

    private HybridCertificateAuthority(CaSettings settings, SuiteLookup suites, Clock clock, KeyVault vault,
            IssuanceJournal journal) throws CaException {
        this.settings = settings;
        this.suites = suites;
        this.clock = clock;
        this.vault = vault;
        this.journal = journal;
        this.builder = new HybridCertificateBuilder(suites, random);
        this.review = new CsrReview(settings.zone(), suites);
        this.validator = new ChainValidator(suites);
        try {
            this.certificates = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new CaException("no X.509 support in this JVM", e);
        }
    }

    /**
     * Opens the CA in {@code settings.directory()}: reloads it if it was
     * bootstrapped before, else bootstraps a root and an intermediate offline.
     */
    static HybridCertificateAuthority open(CaSettings settings, SuiteLookup suites, Clock clock) throws CaException {
        return open(settings, suites, clock, PrecertificateLog.NONE);
    }

    /** As above, issuing through {@code transparency}: every leaf is logged as a precertificate first. */
    static HybridCertificateAuthority open(CaSettings settings, SuiteLookup suites, Clock clock,
            PrecertificateLog transparency) throws CaException {
        try {
            SecureFiles.ensureDirectory(settings.directory());
            KeyVault vault = new KeyVault(SecureFiles.passphrase(settings.passphraseFile(), new SecureRandom()));
            IssuanceJournal journal = IssuanceJournal.open(settings.directory().resolve("journal.log"));
            HybridCertificateAuthority ca = new HybridCertificateAuthority(settings, suites, clock, vault, journal);
            ca.transparency = transparency;
            ca.replay();
            if (ca.root == null) {
                ca.bootstrap();
            }
            return ca;
        } catch (IOException e) {
            throw new CaException("cannot open the CA in " + settings.directory() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- bootstrap and replay

    private synchronized void bootstrap() throws CaException {
        Instant now = clock.instant();
        Authority newRoot = newRoot(now, null);
        persistAuthority("root", newRoot);
        root = newRoot;
        roots.add(newRoot);
        newIntermediate(now);
    }

    /** A fresh self-signed root; the first is named plainly, later ones after their serial. */
    private Authority newRoot(Instant now, Authority predecessor) throws CaException {
        KeyPair rootClassical = generate(CLASSICAL_ALGORITHM);
        KeyPair rootAlternative = settings.requirePostQuantum() || available(CryptoSuite.POST_QUANTUM)
                ? generate(Algorithms.FALCON_1024) : null;
        Authority rootKeys = new Authority(null, CLASSICAL_ALGORITHM, rootClassical.getPrivate(),
                rootAlternative == null ? null : rootAlternative.getPrivate());
        BigInteger serial = builder.newSerial();
        String name = predecessor == null ? "CN=TrustChain Root CA"
                : "CN=TrustChain Root CA " + serial.toString(16).substring(0, 8);
        Subject rootSubject = new Subject(new X500Name(name + ", O=Internet 2.0, OU=" + settings.zone()),
                spki(rootClassical), rootAlternative == null ? null : spki(rootAlternative), List.of());
        X509Certificate rootCertificate = builder.build(Profile.ROOT, rootSubject, null, rootKeys, serial,
                now.minus(BACKDATE), now.plus(settings.rootValidity()));
        return new Authority(rootCertificate, CLASSICAL_ALGORITHM, rootKeys.classicalKey(), rootKeys.alternativeKey());
    }

    @Override
    public synchronized void rotateRoot() throws CaException {
        Instant now = clock.instant();
        Authority previous = root;
        Authority next = newRoot(now, previous);
        X509Certificate nextCertificate = next.certificate();
        Subject crossSubject = new Subject(
                X500Name.getInstance(nextCertificate.getSubjectX500Principal().getEncoded()),
                SubjectPublicKeyInfo.getInstance(nextCertificate.getPublicKey().getEncoded()),
                alternativeKeyOf(nextCertificate), List.of());
        Instant crossNotAfter = previous.certificate().getNotAfter().toInstant();
        X509Certificate cross = builder.build(Profile.ROOT, crossSubject, previous, null, builder.newSerial(),
                now.minus(BACKDATE), crossNotAfter);
        persistAuthority("root", next);
        record("CROSS|" + cross.getSerialNumber().toString(16) + "|" + base64(cross));
        root = next;
        roots.add(next);
        crossCertificates.add(cross);
        newIntermediate(now);
    }

    @Override
    public synchronized List<X509Certificate> trustedRoots() {
        Instant now = clock.instant();
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(root.certificate());
        for (int i = roots.size() - 2; i >= 0; i--) {
            X509Certificate older = roots.get(i).certificate();
            if (!now.isAfter(older.getNotAfter().toInstant())) {
                trusted.add(older);
            }
        }
        return trusted;
    }

    @Override
    public synchronized List<X509Certificate> crossCertificates() {
        return List.copyOf(crossCertificates);
    }

    private static SubjectPublicKeyInfo alternativeKeyOf(X509Certificate certificate) throws CaException {
        try {
            SubjectAltPublicKeyInfo alternative = SubjectAltPublicKeyInfo.fromExtensions(
                    new X509CertificateHolder(certificate.getEncoded()).getExtensions());
            return alternative == null ? null : SubjectPublicKeyInfo.getInstance(alternative.toASN1Primitive());
        } catch (IOException | CertificateException e) {
            throw new CaException("cannot read the alternative key of " + certificate.getSubjectX500Principal(), e);
        }
    }

    private void newIntermediate(Instant now) throws CaException {
        KeyPair classical = generate(CLASSICAL_ALGORITHM);
        KeyPair alternative = root.hybrid() ? generate(Algorithms.FALCON_1024) : null;
        BigInteger serial = builder.newSerial();
        Subject subject = new Subject(new X500Name("CN=TrustChain Intermediate CA " + serial.toString(16).substring(0, 8)
                + ", O=Internet 2.0, OU=" + settings.zone()), spki(classical),
                alternative == null ? null : spki(alternative), List.of());
        Instant notAfter = now.plus(settings.intermediateValidity());
        if (notAfter.isAfter(root.certificate().getNotAfter().toInstant())) {
            notAfter = root.certificate().getNotAfter().toInstant();
        }
        X509Certificate certificate = builder.build(Profile.INTERMEDIATE, subject, root, null, serial,
                now.minus(BACKDATE), notAfter);
        Authority created = new Authority(certificate, CLASSICAL_ALGORITHM, classical.getPrivate(),
                alternative == null ? null : alternative.getPrivate());
        persistAuthority("intermediate", created);
        intermediates.put(serial, created);
        intermediate = created;
    }

    /** Keys first (atomically, 0600), then the journal record that makes the authority exist. */
    private void persistAuthority(String role, Authority authority) throws CaException {
        String serial = authority.certificate().getSerialNumber().toString(16);
        try {
            vault.store(keyFile(serial, false), authority.classicalKey());
            if (authority.hybrid()) {
                vault.store(keyFile(serial, true), authority.alternativeKey());
            }
            journal.append("CA|" + role + "|" + serial + "|" + base64(authority.certificate()));
        } catch (IOException e) {
            throw new CaException("cannot store the " + role + " CA: " + e.getMessage(), e);
        }
    }

    private void replay() throws CaException, IOException {
        for (String entry : journal.entries()) {
            String[] fields = entry.split("\\|");
            switch (fields[0]) {
                case "CA" -> {
                    X509Certificate certificate = certificate(fields[3]);
                    Authority authority = new Authority(certificate, CLASSICAL_ALGORITHM,
                            vault.load(keyFile(fields[2], false)),
                            java.nio.file.Files.exists(keyFile(fields[2], true)) ? vault.load(keyFile(fields[2], true))
                                    : null);
                    if ("root".equals(fields[1])) {
                        root = authority;
                        roots.add(authority);
                    } else {
                        intermediates.put(certificate.getSerialNumber(), authority);
                        intermediate = authority;
                    }
                }
                case "CROSS" -> crossCertificates.add(certificate(fields[2]));
                case "ISSUE" -> {
                    X509Certificate certificate = certificate(fields[2]);
                    issued.put(certificate.getSerialNumber(),
                            new IssuedCertificate(certificate.getSerialNumber(), certificate, chainOf(certificate),
                                    null, null));
                    live.issued(certificate.getSerialNumber(), certificate.getNotAfter().toInstant());
                }
                case "REVOKE" -> {
                    BigInteger serial = new BigInteger(fields[1], 16);
                    IssuedCertificate before = issued.get(serial);
                    if (before != null) {
                        if (!before.revoked()) {
                            live.revoked(serial);
                            revocations++;
                        }
                        issued.put(serial, new IssuedCertificate(serial, before.certificate(), before.chain(),
                                Instant.ofEpochMilli(Long.parseLong(fields[2])),
                                reason(Integer.parseInt(fields[3]))));
                    }
                }
                default -> throw new CaException("unknown CA journal record '" + fields[0] + "'");
            }
        }
    }

    // ---------------------------------------------------------------- CertificateAuthority

    @Override
    public IssuedCertificate issue(CertificateRequest request) throws CaException {
        return timed(CaOperation.ISSUE, () -> issueReviewed(request));
    }

    private IssuedCertificate issueReviewed(CertificateRequest request) throws CaException {
        CsrReview.Reviewed reviewed = review.review(request.pkcs10());
        Duration validity = request.validity() != null ? request.validity() : settings.leafValidity();
        if (validity.compareTo(settings.intermediateValidity()) > 0) {
            throw new InvalidRequestException("validity " + validity + " is longer than the CA allows ("
                    + settings.intermediateValidity() + ")");
        }
        return issueLeaf(new Subject(reviewed.subject(), reviewed.publicKey(), reviewed.alternativeKey(),
                reviewed.dnsNames()), validity);
    }

    /**
     * Signs outside the lock (signing is the expensive part and the suites are
     * thread-safe), then records and publishes under it. A rotation racing
     * with the signature leaves the leaf under the previous intermediate, which
     * stays valid.
     */
    private IssuedCertificate issueLeaf(Subject subject, Duration validity) throws CaException {
        Authority signer;
        synchronized (this) {
            signer = intermediate;
        }
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(signer.certificate().getNotAfter().toInstant())) {
            notAfter = signer.certificate().getNotAfter().toInstant();
        }
        if (signer.hybrid() && !settings.requirePostQuantum() && !available(CryptoSuite.POST_QUANTUM)) {
            signer = new Authority(signer.certificate(), signer.classicalAlgorithm(), signer.classicalKey(), null);
        }
        X509Certificate certificate = issueThroughTransparency(subject, signer, now.minus(BACKDATE), notAfter);
        synchronized (this) {
            record("ISSUE|" + certificate.getSerialNumber().toString(16) + "|" + base64(certificate));
            IssuedCertificate result = new IssuedCertificate(certificate.getSerialNumber(), certificate,
                    chainOf(certificate), null, null);
            issued.put(certificate.getSerialNumber(), result);
            live.issued(certificate.getSerialNumber(), certificate.getNotAfter().toInstant());
            return result;
        }
    }

    /**
     * RFC 6962 section 3.1: a precertificate (the same certificate with the
     * critical poison extension) is logged first; the certificate then carries
     * the SCTs the log returned. Without a log, the certificate is signed directly.
     */
    private X509Certificate issueThroughTransparency(Subject subject, Authority signer, Instant notBefore,
            Instant notAfter) throws CaException {
        BigInteger serial = builder.newSerial();
        if (transparency == PrecertificateLog.NONE) {
            return builder.build(Profile.LEAF, subject, signer, null, serial, notBefore, notAfter);
        }
        X509Certificate precertificate = builder.build(Profile.LEAF, subject, signer, null, serial, notBefore,
                notAfter, List.of(new Extension(CT_POISON, true, DER_NULL)));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(precertificate);
        chain.addAll(chainOf(precertificate));
        byte[] sctList = transparency.log(chain);
        if (sctList == null) {
            return builder.build(Profile.LEAF, subject, signer, null, serial, notBefore, notAfter);
        }
        try {
            return builder.build(Profile.LEAF, subject, signer, null, serial, notBefore, notAfter,
                    List.of(new Extension(CT_SCT_LIST, false, new DEROctetString(sctList).getEncoded())));
        } catch (java.io.IOException e) {
            throw new CaException("cannot encode the SCT list: " + e.getMessage(), e);
        }
    }

    @Override
    public IssuedCertificate renew(BigInteger serial) throws CaException {
        return timed(CaOperation.RENEW, () -> renewNow(serial));
    }

    private IssuedCertificate renewNow(BigInteger serial) throws CaException {
        IssuedCertificate existing = find(serial).orElseThrow(() -> new UnknownCertificateException(serial));
        if (existing.revoked()) {
            throw new InvalidRequestException("certificate " + serial.toString(16) + " is revoked; request a new one");
        }
        try {
            X509CertificateHolder holder = new X509CertificateHolder(existing.certificate().getEncoded());
            SubjectAltPublicKeyInfo alternative = SubjectAltPublicKeyInfo.fromExtensions(holder.getExtensions());
            List<String> names = new ArrayList<>();
            for (org.bouncycastle.asn1.x509.GeneralName name : org.bouncycastle.asn1.x509.GeneralNames
                    .fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName).getNames()) {
                names.add(name.getName().toString());
            }
            Duration lifetime = Duration.between(existing.certificate().getNotBefore().toInstant(),
                    existing.certificate().getNotAfter().toInstant()).minus(BACKDATE);
            return issueLeaf(new Subject(holder.getSubject(), holder.getSubjectPublicKeyInfo(),
                    alternative == null ? null : SubjectPublicKeyInfo.getInstance(alternative.toASN1Primitive()),
                    names), lifetime);
        } catch (IOException | CertificateException e) {
            throw new CaException("cannot read certificate " + serial.toString(16) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public IssuedCertificate revoke(BigInteger serial, RevocationReason reason) throws CaException {
        return timed(CaOperation.REVOKE, () -> revokeNow(serial, reason));
    }

    private synchronized IssuedCertificate revokeNow(BigInteger serial, RevocationReason reason)
            throws CaException {
        IssuedCertificate existing = find(serial).orElseThrow(() -> new UnknownCertificateException(serial));
        if (existing.revoked()) {
            return existing;
        }
        Instant now = clock.instant();
        record("REVOKE|" + serial.toString(16) + "|" + now.toEpochMilli() + "|" + reason.code());
        IssuedCertificate revoked = new IssuedCertificate(serial, existing.certificate(), existing.chain(), now,
                reason);
        issued.put(serial, revoked);
        live.revoked(serial);
        revocations++;
        return revoked;
    }

    @Override
    public synchronized Optional<IssuedCertificate> find(BigInteger serial) {
        return Optional.ofNullable(issued.get(serial));
    }

    @Override
    public synchronized List<IssuedCertificate> list() {
        return List.copyOf(issued.values());
    }

    @Override
    public synchronized X509Certificate root() {
        return root.certificate();
    }

    @Override
    public synchronized List<X509Certificate> issuingChain() {
        return List.of(intermediate.certificate(), root.certificate());
    }

    /** A CRL of the current intermediate, listing every revoked certificate it issued. */
    @Override
    public synchronized X509CRL crl() throws CaException {
        Instant now = clock.instant();
        X509v2CRLBuilder crl = new X509v2CRLBuilder(intermediate.name(), Date.from(now));
        crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (IssuedCertificate certificate : issued.values()) {
            if (certificate.revoked() && certificate.certificate().getIssuerX500Principal()
                    .equals(intermediate.certificate().getSubjectX500Principal())) {
                crl.addCRLEntry(certificate.serial(), Date.from(certificate.revokedAt()),
                        certificate.revocationReason().code());
            }
        }
        try {
            crl.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(journal.size())));
            crl.addExtension(Extension.authorityKeyIdentifier, false,
                    new BcX509ExtensionUtils().createAuthorityKeyIdentifier(intermediate.publicKey()));
            X509CRLHolder holder = intermediate.hybrid() && available(CryptoSuite.POST_QUANTUM)
                    ? crl.build(SuiteContentSigner.of(CLASSICAL_ALGORITHM, intermediate.classicalKey(), suites), false,
                            SuiteContentSigner.of(Algorithms.FALCON_1024, intermediate.alternativeKey(), suites))
                    : crl.build(SuiteContentSigner.of(CLASSICAL_ALGORITHM, intermediate.classicalKey(), suites));
            return new JcaX509CRLConverter().setProvider(new BouncyCastleProvider()).getCRL(holder);
        } catch (IOException | java.security.cert.CRLException | RuntimeOperatorException e) {
            throw new CaException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    @Override
    public ValidationResult validate(List<X509Certificate> chain, String expectedName) {
        long start = System.nanoTime();
        boolean valid = false;
        try {
            List<X509Certificate> anchors = trustedRoots();
            ValidationResult result = validator.validate(chain, anchors, serial -> {
                synchronized (this) {
                    IssuedCertificate known = issued.get(serial);
                    return known == null ? null : known.revocationReason();
                }
            }, clock.instant(), expectedName);
            valid = result.valid();
            return result;
        } finally {
            observer.completed(CaOperation.VALIDATE, valid, System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- MeasuredAuthority

    @Override
    public void observe(CaOperationObserver next) {
        observer = next == null ? CaOperationObserver.NONE : next;
    }

    @Override
    public synchronized long activeCertificates() {
        return live.count(clock.instant());
    }

    @Override
    public synchronized long revocations() {
        return revocations;
    }

    /** A CA operation whose outcome can be a {@link CaException}. */
    @FunctionalInterface
    private interface Operation<T> {
        T run() throws CaException;
    }

    /** Runs {@code operation}, telling the observer how long it took and whether it succeeded. */
    private <T> T timed(CaOperation kind, Operation<T> operation) throws CaException {
        long start = System.nanoTime();
        boolean success = false;
        try {
            T result = operation.run();
            success = true;
            return result;
        } finally {
            observer.completed(kind, success, System.nanoTime() - start);
        }
    }

    @Override
    public synchronized void rotateIntermediate() throws CaException {
        newIntermediate(clock.instant());
    }

    /**
     * Rotates the intermediate once it has lived two thirds of its validity.
     * The old one stays valid (and trusted through the root) until it expires,
     * so certificates it issued keep validating while their holders renew.
     *
     * @return whether a new intermediate was made
     */
    synchronized boolean rotateIfDue() throws CaException {
        Instant notBefore = intermediate.certificate().getNotBefore().toInstant();
        Instant notAfter = intermediate.certificate().getNotAfter().toInstant();
        Instant due = notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
        if (clock.instant().isBefore(due)) {
            return false;
        }
        newIntermediate(clock.instant());
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }

    // ---------------------------------------------------------------- helpers

    private void record(String payload) throws CaException {
        try {
            journal.append(payload);
        } catch (IOException e) {
            throw new CaException("cannot record durably, nothing was issued: " + e.getMessage(), e);
        }
    }

    /** The leaf's intermediate and the root that issued that intermediate. */
    private List<X509Certificate> chainOf(X509Certificate leaf) {
        for (Authority candidate : intermediates.values()) {
            if (candidate.certificate().getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                return List.of(candidate.certificate(), rootOf(candidate.certificate()));
            }
        }
        return List.of(root.certificate());
    }

    private X509Certificate rootOf(X509Certificate intermediateCertificate) {
        for (Authority candidate : roots) {
            if (candidate.certificate().getSubjectX500Principal()
                    .equals(intermediateCertificate.getIssuerX500Principal())) {
                return candidate.certificate();
            }
        }
        return root.certificate();
    }

    private KeyPair generate(String algorithm) throws CaException {
        try {
            return suites.suite(SignatureAlgorithms.suiteOf(algorithm)).generateKeyPair(algorithm);
        } catch (CryptoException e) {
            throw new CaUnavailableException("cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    private boolean available(String suite) {
        try {
            suites.suite(suite);
            return true;
        } catch (CaUnavailableException e) {
            return false;
        }
    }

    private java.nio.file.Path keyFile(String serialHex, boolean alternative) {
        return settings.directory().resolve("ca-" + serialHex + (alternative ? ".falcon" : "") + ".key.pem");
    }

    private X509Certificate certificate(String base64) throws CaException {
        try {
            return (X509Certificate) certificates.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CaException("unreadable certificate in the CA journal: " + e.getMessage(), e);
        }
    }

    private static String base64(X509Certificate certificate) throws CaException {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CaException("cannot encode certificate", e);
        }
    }

    private static SubjectPublicKeyInfo spki(KeyPair keys) {
        return SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    }

    private static RevocationReason reason(int code) {
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.code() == code) {
                return reason;
            }
        }
        return RevocationReason.UNSPECIFIED;
    }
}
