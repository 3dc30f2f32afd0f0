package network.internet2.management.webconsole.internal;

import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;
import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * {@code /system/console/internet2-trustchain}: the certificate authority (its roots, the certificates it issued
 * with their validity and status, the node's own marked, the revocations) and the Certificate Transparency log's
 * latest signed tree head.
 */
@Component(service = Servlet.class, property = {ConsolePage.LABEL + "=" + TrustChainPage.PAGE,
    ConsolePage.TITLE + "=TrustChain", ConsolePage.CATEGORY + "=" + ConsolePage.INTERNET2})
public class TrustChainPage extends ConsolePage {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "internet2-trustchain";

    /** The certificates table shows at most this many, newest first. */
    static final int MOST_CERTIFICATES = 500;

    private final transient Clock clock;
    private final transient OptionalService<CertificateAuthority> authority = new OptionalService<>();
    private final transient OptionalService<NodeCertificateProvider> nodeCertificate = new OptionalService<>();
    private final transient OptionalService<TransparencyLog> ctLog = new OptionalService<>();

    public TrustChainPage() {
        this(Clock.systemUTC());
    }

    TrustChainPage(Clock clock) {
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuthority(CertificateAuthority service) {
        authority.set(service);
    }

    void unsetAuthority(CertificateAuthority service) {
        authority.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setNodeCertificate(NodeCertificateProvider service) {
        nodeCertificate.set(service);
    }

    void unsetNodeCertificate(NodeCertificateProvider service) {
        nodeCertificate.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLog(TransparencyLog service) {
        ctLog.set(service);
    }

    void unsetLog(TransparencyLog service) {
        ctLog.unset(service);
    }

    @Override
    void content(HtmlFragment page) {
        Instant now = clock.instant();
        CertificateAuthority ca = authority.get();
        page.section("Certificate authority");
        if (ca == null) {
            page.notInstalled("The certificate authority", "feature trustchain-ca");
        } else {
            part(page, "the certificate authority", fragment -> authority(fragment, Authority.of(ca), nodeSerial(),
                    now));
        }
        TransparencyLog transparencyLog = ctLog.get();
        page.section("Certificate Transparency log");
        if (transparencyLog == null) {
            page.notInstalled("The Certificate Transparency log", "feature trustchain-ct");
        } else {
            part(page, "the Certificate Transparency log", fragment -> log(fragment, Log.of(transparencyLog), now));
        }
    }

    /** What the page shows of the CA, read from it at once. */
    record Authority(X509Certificate root, List<X509Certificate> issuingChain, int trustedRoots,
            int crossCertificates, List<IssuedCertificate> issued) {

        static Authority of(CertificateAuthority ca) {
            return new Authority(ca.root(), ca.issuingChain(), ca.trustedRoots().size(),
                    ca.crossCertificates().size(), ca.list());
        }
    }

    /** What the page shows of the CT log, read from it at once. */
    record Log(SignedTreeHead head, LogIdentity identity, int acceptedRoots) {

        static Log of(TransparencyLog log) {
            return new Log(log.latestTreeHead(), log.identity(), log.acceptedRoots().size());
        }
    }

    private BigInteger nodeSerial() {
        NodeCertificateProvider provider = nodeCertificate.get();
        try {
            return provider == null ? null : provider.current().certificate().getSerialNumber();
        } catch (RuntimeException e) {
            return null; // no node certificate (yet): nothing is marked as the node's
        }
    }

    static void authority(HtmlFragment page, Authority ca, BigInteger nodeSerial, Instant now) {
        List<IssuedCertificate> issued = ca.issued();
        List<IssuedCertificate> revoked = issued.stream().filter(IssuedCertificate::revoked).toList();
        X509Certificate root = ca.root();
        List<X509Certificate> chain = ca.issuingChain();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("root", subject(root));
        facts.put("root valid until", Formats.instant(root.getNotAfter().toInstant()));
        facts.put("issuing under", chain.isEmpty() ? "-" : subject(chain.get(0)));
        facts.put("trusted roots", ca.trustedRoots());
        facts.put("cross certificates", ca.crossCertificates());
        facts.put("certificates issued", issued.size());
        facts.put("revoked", revoked.size());
        if (nodeSerial != null) {
            facts.put("node certificate", Html.code(Formats.serial(nodeSerial)));
        }
        page.facts(facts);

        page.heading("Certificates issued" + (issued.size() > MOST_CERTIFICATES
                ? " (the newest " + MOST_CERTIFICATES + " of " + issued.size() + ")" : ""));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = issued.size() - 1; i >= 0 && rows.size() < MOST_CERTIFICATES; i--) {
            IssuedCertificate certificate = issued.get(i);
            X509Certificate x509 = certificate.certificate();
            Object serial = certificate.serial().equals(nodeSerial)
                    ? Html.join(Html.code(Formats.serial(certificate.serial())), Html.badge("node"))
                    : Html.code(Formats.serial(certificate.serial()));
            rows.add(List.of(serial, subject(x509), String.join(", ", dnsNames(x509)),
                    Formats.instant(x509.getNotBefore().toInstant()), Formats.instant(x509.getNotAfter().toInstant()),
                    Html.badge(status(certificate, now))));
        }
        page.table(List.of("Serial", "Subject", "DNS names", "Valid from", "Valid until", "Status"), rows,
                "The CA has issued no certificate yet.");

        page.heading("Revocations");
        List<List<Object>> revocations = new ArrayList<>();
        for (IssuedCertificate certificate : revoked) {
            revocations.add(List.of(Html.code(Formats.serial(certificate.serial())),
                    subject(certificate.certificate()), Formats.instant(certificate.revokedAt()),
                    String.valueOf(certificate.revocationReason())));
        }
        page.table(List.of("Serial", "Subject", "Revoked at", "Reason"), revocations, "No certificate is revoked.");
    }

    /** @return {@code revoked}, {@code not yet valid}, {@code expired} or {@code valid}, at {@code now} */
    static String status(IssuedCertificate certificate, Instant now) {
        if (certificate.revoked()) {
            return "revoked";
        }
        if (now.isBefore(certificate.certificate().getNotBefore().toInstant())) {
            return "not yet valid";
        }
        if (now.isAfter(certificate.certificate().getNotAfter().toInstant())) {
            return "expired";
        }
        return "valid";
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** @return the certificate's DNS subject alternative names; none if they cannot be read */
    static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (Integer.valueOf(2).equals(name.get(0))) { // dNSName
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names;
    }

    static void log(HtmlFragment page, Log log, Instant now) {
        SignedTreeHead head = log.head();
        LogIdentity identity = log.identity();
        Instant timestamp = Instant.ofEpochMilli(head.timestamp());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("tree size", head.treeSize());
        facts.put("tree head timestamp", Formats.instant(timestamp) + " (" + Formats.duration(
                Duration.between(timestamp, now)) + " ago)");
        facts.put("root hash", Html.code(Formats.hex(head.rootHash())));
        facts.put("log id", Html.code(Formats.hex(identity.logId())));
        facts.put("URL", identity.url());
        facts.put("maximum merge delay", Formats.duration(identity.maximumMergeDelay()));
        facts.put("accepted roots", log.acceptedRoots());
        page.facts(facts);
    }
}
