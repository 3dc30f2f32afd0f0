package network.internet2.trustchain.ca.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import network.internet2.management.rest.support.ApiException;

/** PEM in and out, with BouncyCastle's PEM reader and writer. */
final class Pem {

    /** The media type of PEM answers. */
    static final String MEDIA_TYPE = "application/x-pem-file";

    static final String CERTIFICATE = "CERTIFICATE";
    static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    static final String NEW_CERTIFICATE_REQUEST = "NEW CERTIFICATE REQUEST";
    static final String X509_CRL = "X509 CRL";

    private static final Set<String> REQUEST_TYPES = Set.of(CERTIFICATE_REQUEST, NEW_CERTIFICATE_REQUEST);
    private static final String KEEP_LINE_BREAKS = " (send the file unchanged, e.g. with curl --data-binary @file.pem,"
            + " which keeps its line breaks)";

    private Pem() {
    }

    /** @return the certificates as concatenated PEM blocks, in order */
    static String certificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(encode(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the CA holds a certificate that cannot be encoded: " + e.getMessage(),
                        e);
            }
        }
        return pem.toString();
    }

    /** @return the CRL as one {@code X509 CRL} PEM block */
    static String crl(X509CRL crl) throws CRLException {
        return encode(X509_CRL, crl.getEncoded());
    }

    /** @return one PEM block of the given type */
    static String encode(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /**
     * The DER of the one PKCS#10 request in a PEM body ({@code CERTIFICATE REQUEST}
     * or {@code NEW CERTIFICATE REQUEST}). Whether the DER is a valid request is the
     * CA's to judge.
     *
     * @throws ApiException 400 if the body is not exactly one such PEM block
     */
    static byte[] certificationRequest(byte[] body) throws ApiException {
        List<PemObject> blocks = read(body);
        if (blocks.isEmpty()) {
            throw ApiException.badRequest("the body holds no PEM block; send one PKCS#10 request as "
                    + "-----BEGIN CERTIFICATE REQUEST----- … -----END CERTIFICATE REQUEST-----");
        }
        if (blocks.size() > 1) {
            throw ApiException.badRequest("the body holds " + blocks.size() + " PEM blocks; send exactly one "
                    + "CERTIFICATE REQUEST");
        }
        PemObject block = blocks.get(0);
        if (!REQUEST_TYPES.contains(block.getType())) {
            throw ApiException.badRequest("the body holds a PEM " + block.getType() + ", not a CERTIFICATE REQUEST");
        }
        if (block.getContent().length == 0) {
            throw ApiException.badRequest("the CERTIFICATE REQUEST block is empty" + KEEP_LINE_BREAKS);
        }
        return block.getContent();
    }

    /**
     * The certificates of a PEM chain, in the order given (leaf first).
     *
     * @throws ApiException 400 if the body holds no certificate, a block of another
     *         type, or a certificate that does not parse
     */
    static List<X509Certificate> chain(byte[] body) throws ApiException {
        List<PemObject> blocks = read(body);
        if (blocks.isEmpty()) {
            throw ApiException.badRequest("the body holds no PEM block; send the chain as PEM CERTIFICATE blocks, "
                    + "leaf first");
        }
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JVM has no X.509 support", e);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            PemObject block = blocks.get(i);
            if (!CERTIFICATE.equals(block.getType())) {
                throw ApiException.badRequest("PEM block " + (i + 1) + " is a " + block.getType()
                        + ", not a CERTIFICATE; send only certificates, leaf first");
            }
            try {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.getContent())));
            } catch (CertificateException | RuntimeException e) {
                throw ApiException.badRequest("certificate " + (i + 1) + " of the chain is not a valid X.509 "
                        + "certificate: " + e.getMessage());
            }
        }
        return chain;
    }

    /**
     * Every PEM block of a body. Text around the blocks is ignored, as PEM allows.
     *
     * @throws ApiException 400 if a block is unterminated or its Base64 is broken
     */
    static List<PemObject> read(byte[] body) throws ApiException {
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("malformed PEM: " + e.getMessage() + KEEP_LINE_BREAKS);
        }
        return blocks;
    }
}
