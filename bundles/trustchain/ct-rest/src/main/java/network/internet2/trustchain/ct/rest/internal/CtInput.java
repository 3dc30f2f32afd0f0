package network.internet2.trustchain.ct.rest.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.Json;

/**
 * What callers send, checked completely before the log is asked: a refused input
 * never reaches it. Every refusal is a 400 whose message names the field.
 */
final class CtInput {

    /** Size of a SHA-256 Merkle leaf hash. */
    static final int HASH_BYTES = 32;

    private static final String CHAIN_ADVICE = "send {\"chain\": [\"<base64 DER>\", ...]}, leaf first";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private CtInput() {
    }

    /**
     * The chain of an {@code add-chain} or {@code add-pre-chain} body
     * {@code {"chain": [base64 DER, ...]}} (RFC 6962, 4.1), leaf first. Other fields
     * are ignored, as RFC 6962 asks.
     *
     * @throws ApiException 400 if the body is not such an object, the chain is empty, or
     *         an element is not the base64 of exactly one DER X.509 certificate
     */
    static List<X509Certificate> chain(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("the body is empty; " + CHAIN_ADVICE);
        }
        JsonNode request = Json.read(body, CHAIN_ADVICE);
        if (request == null || !request.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object; " + CHAIN_ADVICE);
        }
        JsonNode chain = request.get("chain");
        if (chain == null || !chain.isArray()) {
            throw ApiException.badRequest("the body has no \"chain\" array; " + CHAIN_ADVICE);
        }
        if (chain.isEmpty()) {
            throw ApiException.badRequest("\"chain\" is empty; " + CHAIN_ADVICE);
        }
        CertificateFactory factory = x509();
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            JsonNode element = chain.get(i);
            if (!element.isTextual()) {
                throw ApiException.badRequest("chain[" + i + "] is not a string; " + CHAIN_ADVICE);
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(element.asText());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("chain[" + i + "] is not valid base64 (" + e.getMessage() + "); "
                        + CHAIN_ADVICE);
            }
            certificates.add(certificate(factory, der, i));
        }
        return certificates;
    }

    /**
     * A whole number parameter such as {@code start} or {@code tree_size}.
     *
     * @throws ApiException 400 if it is missing or not a whole number from 0 to 2<sup>63</sup>−1
     */
    static long index(ApiRequest request, String name) throws ApiException {
        String value = request.requiredParameter(name);
        if (DIGITS.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                // refused below
            }
        }
        throw ApiException.badRequest("the query parameter " + name + " must be a whole number from 0 to "
                + Long.MAX_VALUE + ", not '" + ApiException.abbreviate(value) + "'");
    }

    /**
     * A base64 Merkle leaf hash parameter (RFC 6962, 4.5). A space is read as the
     * {@code +} it was before a client left it unescaped in the query string.
     *
     * @throws ApiException 400 if it is missing, not base64, or not 32 bytes
     */
    static byte[] hash(ApiRequest request, String name) throws ApiException {
        String value = request.requiredParameter(name);
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(value.replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query parameter " + name + " is not valid base64 ("
                    + e.getMessage() + "); send the base64 of the 32-byte SHA-256 leaf hash, URL-encoded");
        }
        if (hash.length != HASH_BYTES) {
            throw ApiException.badRequest("the query parameter " + name + " is " + hash.length
                    + " bytes; a leaf hash is the " + HASH_BYTES + "-byte SHA-256 of 0x00 || leaf_input");
        }
        return hash;
    }

    private static X509Certificate certificate(CertificateFactory factory, byte[] der, int i) throws ApiException {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw ApiException.badRequest("chain[" + i + "] is not a DER X.509 certificate: " + e.getMessage());
        }
        // the factory also reads PEM and stops after one certificate: only exact DER is accepted
        try {
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw ApiException.badRequest("chain[" + i + "] is not exactly one DER X.509 certificate "
                        + "(PEM or trailing bytes); send the base64 of the DER alone");
            }
        } catch (CertificateEncodingException e) {
            throw ApiException.badRequest("chain[" + i + "] cannot be re-encoded: " + e.getMessage());
        }
        return certificate;
    }

    private static CertificateFactory x509() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JVM has no X.509 support", e);
        }
    }
}
