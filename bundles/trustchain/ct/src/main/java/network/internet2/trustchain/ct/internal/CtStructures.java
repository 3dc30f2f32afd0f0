package network.internet2.trustchain.ct.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The byte structures of RFC 6962 section 3: what is hashed into the tree
 * ({@code MerkleTreeLeaf}), what is signed ({@code digitally-signed} inputs of
 * SCTs and tree heads) and what is handed out (the serialized SCT).
 */
final class CtStructures {

    /** {@code LogEntryType}. */
    static final int X509_ENTRY = 0;
    static final int PRECERT_ENTRY = 1;
    /** {@code SignatureType}. */
    private static final int CERTIFICATE_TIMESTAMP = 0;
    private static final int TREE_HASH = 1;
    /** {@code HashAlgorithm} sha256 and {@code SignatureAlgorithm} ecdsa (RFC 5246 section 7.4.1.4.1). */
    private static final int SHA256 = 4;
    private static final int ECDSA = 3;
    /**
     * Our SCT extension carrying the FALCON-1024 co-signature, typed as RFC 9162
     * section 4.5 lays extensions out; 224 is in the private-use range (RFC 9162 section 10.2.6).
     */
    static final int FALCON_COSIGNATURE_EXTENSION = 224;

    private CtStructures() {
    }

    /** The signed entry of an SCT: the certificate, or the issuer key hash and precert TBS. */
    record SignedEntry(int type, byte[] certificate, byte[] issuerKeyHash, byte[] tbsCertificate) {

        static SignedEntry x509(byte[] certificate) {
            return new SignedEntry(X509_ENTRY, certificate, null, null);
        }

        static SignedEntry precert(byte[] issuerKeyHash, byte[] tbsCertificate) {
            return new SignedEntry(PRECERT_ENTRY, null, issuerKeyHash, tbsCertificate);
        }

        void writeTo(Tls.Writer out) {
            if (type == X509_ENTRY) {
                out.opaque24(certificate);
            } else {
                out.bytes(issuerKeyHash).opaque24(tbsCertificate);
            }
        }
    }

    /** {@code MerkleTreeLeaf} (version v1, leaf type timestamped_entry) with empty extensions. */
    static byte[] leafInput(long timestamp, SignedEntry entry) {
        Tls.Writer out = new Tls.Writer().u8(0).u8(0).u64(timestamp).u16(entry.type());
        entry.writeTo(out);
        return out.opaque16(new byte[0]).toByteArray();
    }

    /** {@code extra_data}: for x509 the chain after the leaf; for precerts the precertificate and that chain. */
    static byte[] extraData(List<X509Certificate> chain, boolean precert) throws CertificateEncodingException {
        Tls.Writer certificates = new Tls.Writer();
        for (X509Certificate certificate : chain.subList(1, chain.size())) {
            certificates.opaque24(certificate.getEncoded());
        }
        Tls.Writer out = new Tls.Writer();
        if (precert) {
            out.opaque24(chain.get(0).getEncoded());
        }
        return out.opaque24(certificates.toByteArray()).toByteArray();
    }

    static byte[] sctSignatureInput(long timestamp, SignedEntry entry, byte[] extensions) {
        Tls.Writer out = new Tls.Writer().u8(0).u8(CERTIFICATE_TIMESTAMP).u64(timestamp).u16(entry.type());
        entry.writeTo(out);
        return out.opaque16(extensions).toByteArray();
    }

    static byte[] treeHeadSignatureInput(long timestamp, long treeSize, byte[] rootHash) {
        return new Tls.Writer().u8(0).u8(TREE_HASH).u64(timestamp).u64(treeSize).bytes(rootHash).toByteArray();
    }

    static byte[] digitallySigned(byte[] ecdsaSignature) {
        return new Tls.Writer().u8(SHA256).u8(ECDSA).opaque16(ecdsaSignature).toByteArray();
    }

    /** @return the ECDSA signature inside a {@code digitally-signed} struct */
    static byte[] ecdsaSignatureOf(byte[] digitallySigned) {
        Tls.Reader in = new Tls.Reader(digitallySigned);
        if (in.u8() != SHA256 || in.u8() != ECDSA) {
            throw new IllegalArgumentException("not an ECDSA/SHA-256 digitally-signed struct");
        }
        byte[] signature = in.opaque16();
        if (!in.atEnd()) {
            throw new IllegalArgumentException("bytes after the digitally-signed struct");
        }
        return signature;
    }

    static byte[] falconExtension(byte[] falconSignature) {
        return new Tls.Writer().u8(FALCON_COSIGNATURE_EXTENSION).opaque16(falconSignature).toByteArray();
    }

    /** @return the FALCON-1024 co-signature in SCT extensions, or {@code null} if there is none */
    static byte[] falconSignatureIn(byte[] extensions) {
        Tls.Reader in = new Tls.Reader(extensions);
        while (!in.atEnd()) {
            int type = in.u8();
            byte[] data = in.opaque16();
            if (type == FALCON_COSIGNATURE_EXTENSION) {
                return data;
            }
        }
        return null;
    }

    /** The serialized SCT (RFC 6962 section 3.2), as one element of an SCT list. */
    static byte[] serializedSct(byte[] logId, long timestamp, byte[] extensions, byte[] digitallySigned) {
        return new Tls.Writer().u8(0).bytes(logId).u64(timestamp).opaque16(extensions).bytes(digitallySigned)
                .toByteArray();
    }
}
