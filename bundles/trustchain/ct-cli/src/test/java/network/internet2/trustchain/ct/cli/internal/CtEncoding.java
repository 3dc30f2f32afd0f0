package network.internet2.trustchain.ct.cli.internal;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;

/**
 * The test's own TLS encoding of RFC 6962 entries (sections 3.4 and 4.6), to
 * build the {@code leaf_input} and {@code extra_data} a log hands out.
 */
final class CtEncoding {

    private CtEncoding() {
    }

    /** A growing TLS-encoded byte string. */
    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer integer(long value, int bytes) {
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)));
            }
            return this;
        }

        Writer bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Writer opaque(byte[] bytes, int lengthBytes) {
            return integer(bytes.length, lengthBytes).bytes(bytes);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** {@code MerkleTreeLeaf} v1 timestamped_entry of an x509_entry, with no extensions. */
    static byte[] x509Leaf(long timestamp, byte[] certificate) {
        return new Writer().integer(0, 1).integer(0, 1).integer(timestamp, 8).integer(0, 2).opaque(certificate, 3)
                .opaque(new byte[0], 2).toByteArray();
    }

    /** {@code MerkleTreeLeaf} v1 timestamped_entry of a precert_entry, with no extensions. */
    static byte[] precertLeaf(long timestamp, byte[] issuerKeyHash, byte[] tbsCertificate) {
        return new Writer().integer(0, 1).integer(0, 1).integer(timestamp, 8).integer(1, 2).bytes(issuerKeyHash)
                .opaque(tbsCertificate, 3).opaque(new byte[0], 2).toByteArray();
    }

    /** {@code X509ChainEntry}'s extra data: the chain after the leaf. */
    static byte[] x509Extra(X509Certificate... chain) throws Exception {
        return new Writer().opaque(chain(chain), 3).toByteArray();
    }

    /** {@code PrecertChainEntry}: the precertificate, then the chain. */
    static byte[] precertExtra(X509Certificate precertificate, X509Certificate... chain) throws Exception {
        return new Writer().opaque(precertificate.getEncoded(), 3).opaque(chain(chain), 3).toByteArray();
    }

    private static byte[] chain(X509Certificate... chain) throws Exception {
        Writer certificates = new Writer();
        for (X509Certificate certificate : chain) {
            certificates.opaque(certificate.getEncoded(), 3);
        }
        return certificates.toByteArray();
    }
}
