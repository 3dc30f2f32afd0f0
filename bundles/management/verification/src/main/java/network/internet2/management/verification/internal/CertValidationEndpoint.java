package network.internet2.management.verification.internal;

import java.net.InetSocketAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiHandler;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.management.rest.support.Json;
import network.internet2.management.rest.support.Methods;
import network.internet2.stoq.StoqTransport;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.ca.NodeCertificateProvider;

/**
 * {@code GET /test-cert-validation}, free of the servlet API: finds the node's name (its certificate's first DNS
 * name) and its listener's port, and runs a {@link CertValidation}. At most {@value #AT_ONCE} run at once, as each
 * makes a full post-quantum handshake; more are answered 429.
 */
final class CertValidationEndpoint implements ApiHandler {

    static final String PATH = "/test-cert-validation";
    static final int AT_ONCE = 2;

    private final Supplier<StoqTransport> transport;
    private final Supplier<NodeCertificateProvider> certificates;
    private final CertValidation validation;
    private final Semaphore running = new Semaphore(AT_ONCE);

    CertValidationEndpoint(Supplier<StoqTransport> transport, Supplier<NodeCertificateProvider> certificates,
            CertValidation validation) {
        this.transport = transport;
        this.certificates = certificates;
        this.validation = validation;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            Methods.require(request.method(), "GET", PATH);
            StoqTransport stoq = transport.get();
            if (stoq == null) {
                throw new ApiException(503, "no STOQ transport is running (feature stoq-transport); nothing to "
                        + "connect with");
            }
            List<InetSocketAddress> listeners = stoq.listeners();
            if (listeners.isEmpty()) {
                throw new ApiException(503, "the STOQ transport has no listener to connect to");
            }
            String target = nodeName();
            if (!running.tryAcquire()) {
                throw new ApiException(429, AT_ONCE + " certificate validations are running already; retry in a "
                        + "second", Map.of("Retry-After", "1"));
            }
            try {
                CertValidationReport report = validation.run(stoq, target, listeners.get(0).getPort());
                return ApiResponse.json(report.status(), Json.write(report.json()));
            } finally {
                running.release();
            }
        } catch (ApiException refusal) {
            return VerificationErrors.FORMAT.answer(refusal);
        }
    }

    private String nodeName() throws ApiException {
        NodeCertificateProvider provider = certificates.get();
        NodeCertificate current = provider == null ? null : provider.current();
        if (current == null) {
            throw new ApiException(503, "the node has no certificate yet, so it has no name to connect to (is the "
                    + "TrustChain CA, feature trustchain-ca, running?)");
        }
        return firstDnsName(current.certificate());
    }

    /** @return the certificate's first DNS subject alternative name: the node's own name */
    static String firstDnsName(X509Certificate certificate) throws ApiException {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() >= 2 && Integer.valueOf(2).equals(name.get(0))) {
                        return (String) name.get(1);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new ApiException(503, "the node certificate's names are unreadable: " + e.getMessage());
        }
        throw new ApiException(503, "the node certificate " + certificate.getSubjectX500Principal()
                + " carries no DNS name to connect to");
    }
}
