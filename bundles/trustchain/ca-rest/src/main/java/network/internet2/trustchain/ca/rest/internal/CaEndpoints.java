package network.internet2.trustchain.ca.rest.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiHandler;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ca.CertificateAuthority;
import network.internet2.trustchain.ca.CertificateRequest;
import network.internet2.trustchain.ca.InvalidRequestException;
import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;
import network.internet2.trustchain.ca.UnknownCertificateException;

/**
 * The endpoints of {@code /trustchain/ca}, on top of a {@link CertificateAuthority}.
 * Every input is parsed and checked before the CA is called, so a refused request
 * never reaches it; CA exceptions become 400 (invalid request), 404 (unknown
 * certificate), 503 (CA unavailable) or 500.
 */
final class CaEndpoints implements ApiHandler {

    /** The media type of the DER CRL. */
    static final String CRL_MEDIA_TYPE = "application/pkix-crl";

    /** Upper bound of {@code validity_hours} accepted before the CA applies its own limit (100 years). */
    private static final long MAX_VALIDITY_HOURS = 876_000;

    private final CertificateAuthority ca;

    CaEndpoints(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** @return the answer to a request; never throws for bad input */
    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            Route route = Route.resolve(request.method(), request.path());
            return switch (route.endpoint()) {
                case ROOT -> pem(Pem.certificates(List.of(available(ca::root))));
                case CHAIN -> pem(Pem.certificates(available(ca::issuingChain)));
                case CRL -> crl(request);
                case ISSUE -> issue(request);
                case CERTIFICATE -> ApiResponse.json(200, CaJson.certificate(find(route.serial())));
                case REVOKE -> revoke(route.serial(), request);
                case VALIDATE -> validate(request);
            };
        } catch (ApiException refusal) {
            return CaJson.ERRORS.answer(refusal);
        } catch (InvalidRequestException e) {
            return CaJson.ERRORS.answer(ApiException.badRequest(e.getMessage()));
        } catch (UnknownCertificateException e) {
            return CaJson.ERRORS.answer(ApiException.notFound(e.getMessage()));
        } catch (CaUnavailableException e) {
            return CaJson.ERRORS.answer(new ApiException(503, e.getMessage()));
        } catch (CaException e) {
            return CaJson.ERRORS.answer(new ApiException(500, "the CA failed: " + e.getMessage()));
        }
    }

    private ApiResponse issue(ApiRequest request) throws ApiException, CaException {
        Duration validity = validity(request.parameter("validity_hours"));
        byte[] pkcs10 = Pem.certificationRequest(request.body());
        IssuedCertificate issued = ca.issue(new CertificateRequest(pkcs10, validity));
        String serial = issued.serial().toString(16);
        return new ApiResponse(201, ApiResponse.JSON, CaJson.issued(issued),
                Map.of("Location", Route.BASE + "/certificates/" + serial));
    }

    private ApiResponse revoke(BigInteger serial, ApiRequest request) throws ApiException, CaException {
        RevocationReason reason = CaJson.revocationReason(request.body());
        return ApiResponse.json(200, CaJson.certificate(ca.revoke(serial, reason)));
    }

    private ApiResponse validate(ApiRequest request) throws ApiException {
        Optional<String> name = request.parameter("name");
        if (name.isPresent() && name.get().isBlank()) {
            throw ApiException.badRequest("the query parameter name is empty; give a DNS name or leave it out");
        }
        List<X509Certificate> chain = Pem.chain(request.body());
        return ApiResponse.json(200, CaJson.validation(ca.validate(chain, name.orElse(null))));
    }

    private ApiResponse crl(ApiRequest request) throws CaException {
        X509CRL crl = ca.crl();
        try {
            if (request.accept() != null && request.accept().contains(Pem.MEDIA_TYPE)) {
                return new ApiResponse(200, Pem.MEDIA_TYPE, Pem.crl(crl).getBytes(StandardCharsets.US_ASCII),
                        Map.of());
            }
            return new ApiResponse(200, CRL_MEDIA_TYPE, crl.getEncoded(), Map.of());
        } catch (CRLException e) {
            throw new CaException("the CA's CRL cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static ApiResponse pem(String pem) {
        return new ApiResponse(200, Pem.MEDIA_TYPE, pem.getBytes(StandardCharsets.US_ASCII), Map.of());
    }

    private IssuedCertificate find(BigInteger serial) throws UnknownCertificateException {
        return ca.find(serial).orElseThrow(() -> new UnknownCertificateException(serial));
    }

    /**
     * @return {@code validity_hours} as a duration, or {@code null} for the CA's default
     * @throws ApiException 400 unless it is a whole number of hours from 1 to {@value #MAX_VALIDITY_HOURS}
     */
    static Duration validity(Optional<String> hours) throws ApiException {
        if (hours.isEmpty()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(hours.get().trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > MAX_VALIDITY_HOURS) {
            throw ApiException.badRequest("validity_hours must be a whole number of hours from 1 to "
                    + MAX_VALIDITY_HOURS + ", not '" + hours.get() + "'; leave it out for the CA's default");
        }
        return Duration.ofHours(value);
    }

    /** Root and chain are there only while the CA is open; the CA says so with IllegalStateException. */
    private static <T> T available(Supplier<T> material) throws CaUnavailableException {
        try {
            return material.get();
        } catch (IllegalStateException e) {
            throw new CaUnavailableException(e.getMessage(), e);
        }
    }
}
