package network.internet2.itests.ct;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent Certificate Transparency verifier, written only from the
 * RFCs and the JDK so that integration tests can judge what the log returns
 * without sharing a line of code (or a bug) with it.
 * <ul>
 * <li>Merkle hashes: RFC 6962 section 2.1 ({@code SHA-256(0x00 || leaf)},
 * {@code SHA-256(0x01 || left || right)}, the empty tree is
 * {@code SHA-256()}).</li>
 * <li>Inclusion proofs: RFC 9162 section 2.1.3.2, "Verifying an Inclusion
 * Proof", step by step.</li>
 * <li>Consistency proofs: RFC 9162 section 2.1.4.2, "Verifying Consistency
 * between Two Tree Heads", step by step.</li>
 * <li>Signature inputs: RFC 6962 sections 3.2 (SCT) and 3.5 (tree head),
 * checked as TLS {@code digitally-signed} structs with ECDSA P-256 and
 * SHA-256.</li>
 * </ul>
 * Verification methods answer {@code false} for anything that does not
 * verify; parsers throw {@link IllegalArgumentException} for malformed input.
 */
public final class Rfc9162Verifier {

    /** Size of a SHA-256 node hash. */
    static final int HASH_SIZE = 32;

    /** X.509 extension carrying embedded SCTs (RFC 6962 section 3.3). */
    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

    /** RFC 6962 section 2.1: MTH({}) = SHA-256 of the empty string. */
    static final byte[] EMPTY_TREE_ROOT = sha256(new byte[0]);

    private static final int X509_ENTRY = 0;
    private static final int PRECERT_ENTRY = 1;
    private static final int SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP = 0;
    private static final int SIGNATURE_TYPE_TREE_HASH = 1;
    private static final int HASH_ALGORITHM_SHA256 = 4;
    private static final int SIGNATURE_ALGORITHM_ECDSA = 3;

    private Rfc9162Verifier() {
    }

    /** RFC 6962 section 2.1: the hash of a leaf, {@code SHA-256(0x00 || leafInput)}. */
    static byte[] leafHash(byte[] leafInput) {
        return sha256(new byte[] {0}, leafInput);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /**
     * RFC 9162 section 2.1.3.2: whether {@code path} proves that
     * {@code leafHash} is the leaf at {@code leafIndex} (zero-based) of the
     * tree of {@code treeSize} leaves whose root is {@code root}.
     */
    static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || !allHashes(path) || leafIndex < 0) {
            return false;
        }
        // 1. If leaf_index is greater than or equal to tree_size, fail.
        if (leafIndex >= treeSize) {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : path) {
            // a. If sn is 0, stop and fail.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn:
            if (lsb(fn) || fn == sn) {
                // i. r = HASH(0x01 || p || r)
                r = nodeHash(p, r);
                // ii. If LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0.
                while (!lsb(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Otherwise: r = HASH(0x01 || r || p)
                r = nodeHash(r, p);
            }
            // c. Right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. sn must be 0 and r must equal root_hash.
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: whether {@code path} proves that the tree of
     * {@code first} leaves with root {@code firstRoot} is a prefix of the tree
     * of {@code second} leaves with root {@code secondRoot}.
     * <p>
     * The RFC algorithm covers {@code 0 < first < second}. The two trivial
     * cases, which need no proof, are accepted only with an empty path: equal
     * sizes with equal roots, and an empty first tree whose root is
     * {@code SHA-256()}.
     */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
        if (!isHash(firstRoot) || !isHash(secondRoot) || !allHashes(path) || first < 0 || second < first) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, EMPTY_TREE_ROOT);
        }
        // 1. If consistency_path is empty, stop and fail.
        if (path.isEmpty()) {
            return false;
        }
        // 2. If first is an exact power of 2, prepend first_hash to consistency_path.
        List<byte[]> consistencyPath = new ArrayList<>(path);
        if ((first & (first - 1)) == 0) {
            consistencyPath.add(0, firstRoot);
        }
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = first - 1;
        long sn = second - 1;
        // 4. If LSB(fn) is set, right-shift both fn and sn until LSB(fn) is not set.
        while (lsb(fn)) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. Set both fr and sr to the first value in consistency_path.
        byte[] fr = consistencyPath.get(0);
        byte[] sr = consistencyPath.get(0);
        // 6. For each subsequent value c in consistency_path:
        for (byte[] c : consistencyPath.subList(1, consistencyPath.size())) {
            // a. If sn is 0, stop and fail.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn:
            if (lsb(fn) || fn == sn) {
                // i. fr = HASH(0x01 || c || fr); ii. sr = HASH(0x01 || c || sr)
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                // iii. If LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0.
                while (!lsb(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Otherwise: sr = HASH(0x01 || sr || c)
                sr = nodeHash(sr, c);
            }
            // c. Right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
        return MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot) && sn == 0;
    }

    /**
     * RFC 6962 section 3.5: the bytes a log signs for a tree head (version
     * v1(0), signature_type tree_hash(1), uint64 timestamp, uint64 tree_size,
     * the 32-byte root hash).
     */
    static byte[] treeHeadSignatureInput(long timestamp, long treeSize, byte[] root) {
        requireHash(root, "root");
        Tls out = new Tls();
        out.u8(0).u8(SIGNATURE_TYPE_TREE_HASH).u64(timestamp).u64(treeSize).raw(root);
        return out.bytes();
    }

    /**
     * RFC 6962 section 3.2: the bytes a log signs for an SCT over an X.509
     * certificate (x509_entry: the certificate as {@code opaque<1..2^24-1>}).
     */
    static byte[] sctSignatureInputX509(long timestamp, byte[] certDer, byte[] extensions) {
        Tls entry = new Tls().opaque24(certDer);
        return sctSignatureInput(timestamp, X509_ENTRY, entry.bytes(), extensions);
    }

    /**
     * RFC 6962 section 3.2: the bytes a log signs for an SCT over a
     * precertificate (precert_entry: the 32-byte SHA-256 of the issuer's
     * SubjectPublicKeyInfo, then the TBSCertificate, poison extension removed,
     * as {@code opaque<1..2^24-1>}).
     */
    static byte[] sctSignatureInputPrecert(long timestamp, byte[] issuerKeyHash, byte[] tbsDer, byte[] extensions) {
        requireHash(issuerKeyHash, "issuerKeyHash");
        Tls entry = new Tls().raw(issuerKeyHash).opaque24(tbsDer);
        return sctSignatureInput(timestamp, PRECERT_ENTRY, entry.bytes(), extensions);
    }

    private static byte[] sctSignatureInput(long timestamp, int entryType, byte[] signedEntry, byte[] extensions) {
        Tls out = new Tls();
        out.u8(0).u8(SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP).u64(timestamp).u16(entryType)
                .raw(signedEntry).opaque16(extensions);
        return out.bytes();
    }

    /**
     * Whether {@code digitallySigned}, a TLS {@code digitally-signed} struct
     * (hash algorithm u8, signature algorithm u8, signature
     * {@code opaque<0..2^16-1>}), is an ECDSA signature with SHA-256 (4, 3)
     * over {@code input} by {@code ecKey}.
     *
     * @throws IllegalArgumentException if {@code ecKey} is not an EC public key
     */
    static boolean verifyDigitallySigned(byte[] digitallySigned, PublicKey ecKey, byte[] input) {
        if (digitallySigned == null || digitallySigned.length < 4) {
            return false;
        }
        int hashAlgorithm = digitallySigned[0] & 0xff;
        int signatureAlgorithm = digitallySigned[1] & 0xff;
        int length = ((digitallySigned[2] & 0xff) << 8) | (digitallySigned[3] & 0xff);
        if (hashAlgorithm != HASH_ALGORITHM_SHA256 || signatureAlgorithm != SIGNATURE_ALGORITHM_ECDSA
                || length != digitallySigned.length - 4) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(ecKey);
            verifier.update(input);
            return verifier.verify(digitallySigned, 4, length);
        } catch (SignatureException malformedSignature) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Pass the log's EC P-256 public key, not "
                    + (ecKey == null ? "null" : "a " + ecKey.getAlgorithm() + " key"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA256withECDSA; run the tests on a standard JDK", e);
        }
    }

    /**
     * Decodes the SignedCertificateTimestampList of X.509 extension
     * 1.3.6.1.4.1.11129.2.4.2 (RFC 6962 section 3.3) into its serialized
     * SCTs.
     * <p>
     * The list is a TLS {@code opaque<1..2^16-1>} of SerializedSCT
     * {@code opaque<1..2^16-1>}, carried in an ASN.1 OCTET STRING that is
     * itself the extnValue OCTET STRING. Accepted are both the bytes of
     * {@code X509Certificate.getExtensionValue} (both OCTET STRING layers)
     * and the extnValue contents (the inner layer only).
     */
    static List<byte[]> parseSctList(byte[] extensionValue) {
        byte[] contents = octetStringContents(extensionValue);
        if (contents == null) {
            throw new IllegalArgumentException("The SCT list extension value is not a DER OCTET STRING");
        }
        byte[] inner = octetStringContents(contents);
        Reader list = new Reader(inner != null ? inner : contents);
        byte[] sctList = list.opaque16();
        list.end();
        if (sctList.length == 0) {
            throw new IllegalArgumentException("The SCT list is empty; RFC 6962 requires at least one SCT");
        }
        Reader scts = new Reader(sctList);
        List<byte[]> result = new ArrayList<>();
        while (!scts.atEnd()) {
            byte[] sct = scts.opaque16();
            if (sct.length == 0) {
                throw new IllegalArgumentException("The SCT list holds an empty SerializedSCT");
            }
            result.add(sct);
        }
        return result;
    }

    /**
     * An RFC 6962 section 3.2 SignedCertificateTimestamp; {@code
     * digitallySigned} is the whole TLS {@code digitally-signed} struct, as
     * {@link #verifyDigitallySigned} takes it.
     */
    record Sct(int version, byte[] logId, long timestamp, byte[] extensions, byte[] digitallySigned) {
    }

    /** Decodes one TLS-serialized v1 SCT (RFC 6962 section 3.2). */
    static Sct parseSct(byte[] serialized) {
        Reader in = new Reader(serialized);
        int version = in.u8();
        if (version != 0) {
            throw new IllegalArgumentException("SCT version " + version + " is not v1(0), the only one RFC 6962 defines");
        }
        byte[] logId = in.bytes(HASH_SIZE);
        long timestamp = in.u64();
        byte[] extensions = in.opaque16();
        int start = in.position();
        in.u8(); // hash algorithm
        in.u8(); // signature algorithm
        in.opaque16(); // signature
        in.end();
        return new Sct(version, logId, timestamp, extensions, Arrays.copyOfRange(serialized, start, serialized.length));
    }

    // --- helpers -----------------------------------------------------------

    private static boolean lsb(long n) {
        return (n & 1) != 0;
    }

    private static boolean isHash(byte[] b) {
        return b != null && b.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> path) {
        return path != null && path.stream().allMatch(Rfc9162Verifier::isHash);
    }

    private static void requireHash(byte[] b, String name) {
        if (!isHash(b)) {
            throw new IllegalArgumentException(name + " must be a " + HASH_SIZE + "-byte SHA-256 hash");
        }
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256; run the tests on a standard JDK", e);
        }
    }

    /** The contents of {@code der} if it is exactly one DER OCTET STRING, else {@code null}. */
    private static byte[] octetStringContents(byte[] der) {
        if (der == null || der.length < 2 || der[0] != 0x04) {
            return null;
        }
        int first = der[1] & 0xff;
        int offset = 2;
        long length = first;
        if (first >= 0x80) {
            int count = first & 0x7f;
            if (count == 0 || count > 3 || der.length < 2 + count) {
                return null;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            offset = 2 + count;
        }
        if (offset + length != der.length) {
            return null;
        }
        return Arrays.copyOfRange(der, offset, der.length);
    }

    /** Big-endian TLS presentation-language writer. */
    private static final class Tls {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tls u8(int v) {
            out.write(v);
            return this;
        }

        Tls u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Tls u24(int v) {
            return u8(v >>> 16).u16(v & 0xffff);
        }

        Tls u64(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                u8((int) (v >>> shift));
            }
            return this;
        }

        Tls raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Tls opaque16(byte[] b) {
            if (b.length > 0xffff) {
                throw new IllegalArgumentException("A " + b.length + "-byte value does not fit opaque<0..2^16-1>");
            }
            return u16(b.length).raw(b);
        }

        Tls opaque24(byte[] b) {
            if (b.length == 0 || b.length > 0xffffff) {
                throw new IllegalArgumentException("A " + b.length + "-byte value does not fit opaque<1..2^24-1>");
            }
            return u24(b.length).raw(b);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Big-endian TLS reader that rejects truncated input. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int position() {
            return position;
        }

        boolean atEnd() {
            return position == data.length;
        }

        void end() {
            if (!atEnd()) {
                throw new IllegalArgumentException((data.length - position) + " trailing bytes after the TLS structure");
            }
        }

        byte[] bytes(int n) {
            if (n > data.length - position) {
                throw new IllegalArgumentException("Truncated TLS structure: need " + n + " bytes at offset "
                        + position + ", have " + (data.length - position));
            }
            byte[] b = Arrays.copyOfRange(data, position, position + n);
            position += n;
            return b;
        }

        int u8() {
            return bytes(1)[0] & 0xff;
        }

        int u16() {
            byte[] b = bytes(2);
            return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        }

        long u64() {
            long v = 0;
            for (byte b : bytes(8)) {
                v = (v << 8) | (b & 0xff);
            }
            return v;
        }

        byte[] opaque16() {
            return bytes(u16());
        }
    }
}
