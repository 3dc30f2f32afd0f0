package network.internet2.hypermesh.consensus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.Proof;
import network.internet2.hypermesh.proof.ProofException;

/**
 * The canonical encoding of a consensus proof (big-endian):
 * <pre>
 * "HMCP" u8 version (1)
 * 16   id
 * 32   operation hash
 * u16  identity length, UTF-8 node identity (1..253 bytes)
 * u64  epoch millis
 * 16   nonce
 * u8   chain length (1..4), each: u16 length, DER certificate (..8192)
 * u8   proof count (1..16), each: u8 type length, ASCII type [a-z0-9-] (1..32), u32 length, proof (..1 MiB)
 * u16  signature length, signature (1..1024) over the tag and every byte before it
 * </pre>
 * and nothing after. The decoder accepts exactly this and nothing else: every
 * length bounded, types unique, no trailing bytes; anything else is a
 * {@link ProofException} saying what is wrong.
 */
final class ProofCodec {

    static final byte[] MAGIC = {'H', 'M', 'C', 'P'};
    static final int VERSION = 1;
    static final byte[] SIGNATURE_TAG = "internet2/consensus/proof/v1".getBytes(StandardCharsets.US_ASCII);
    static final int ID_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int NONCE_BYTES = 16;
    static final int MAX_IDENTITY_BYTES = 253;
    static final int MAX_CHAIN = 4;
    static final int MAX_CERTIFICATE_BYTES = 8192;
    static final int MAX_PROOFS = 16;
    static final int MAX_TYPE_BYTES = 32;
    static final int MAX_PROOF_BYTES = 1 << 20;
    static final int MAX_SIGNATURE_BYTES = 1024;
    static final int MAX_ENCODED_BYTES = 4 << 20;

    private static final HexFormat HEX = HexFormat.of();

    private ProofCodec() {
    }

    /** The part of a consensus proof that is signed. */
    record Unsigned(byte[] id, byte[] operationHash, String nodeIdentity, long epochMillis, byte[] nonce,
            List<X509Certificate> chain, List<Proof> proofs) {
    }

    /** @return the bytes the node signs: everything before the signature field */
    static byte[] signedPart(Unsigned unsigned) throws ProofException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.write(exact(unsigned.id(), ID_BYTES, "id"));
            out.write(exact(unsigned.operationHash(), HASH_BYTES, "operation hash"));
            byte[] identity = unsigned.nodeIdentity().getBytes(StandardCharsets.UTF_8);
            checkRange(identity.length, 1, MAX_IDENTITY_BYTES, "node identity");
            out.writeShort(identity.length);
            out.write(identity);
            out.writeLong(unsigned.epochMillis());
            out.write(exact(unsigned.nonce(), NONCE_BYTES, "nonce"));
            checkRange(unsigned.chain().size(), 1, MAX_CHAIN, "certificate chain");
            out.writeByte(unsigned.chain().size());
            for (X509Certificate certificate : unsigned.chain()) {
                byte[] der = certificate.getEncoded();
                checkRange(der.length, 1, MAX_CERTIFICATE_BYTES, "certificate");
                out.writeShort(der.length);
                out.write(der);
            }
            checkRange(unsigned.proofs().size(), 1, MAX_PROOFS, "proof count");
            out.writeByte(unsigned.proofs().size());
            for (Proof proof : unsigned.proofs()) {
                byte[] type = checkType(proof.type()).getBytes(StandardCharsets.US_ASCII);
                out.writeByte(type.length);
                out.write(type);
                byte[] encoded = proof.encoded();
                checkRange(encoded.length, 1, MAX_PROOF_BYTES, proof.type() + " proof");
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new ProofException("cannot encode the consensus proof: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** @return the complete proof: the signed part and its signature */
    static ConsensusProof assemble(Unsigned unsigned, byte[] signedPart, byte[] signature) throws ProofException {
        checkRange(signature.length, 1, MAX_SIGNATURE_BYTES, "signature");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(signedPart.length + 2 + signature.length);
        bytes.writeBytes(signedPart);
        bytes.write(signature.length >>> 8);
        bytes.write(signature.length);
        bytes.writeBytes(signature);
        return new ConsensusProof(HEX.formatHex(unsigned.id()), unsigned.operationHash(), unsigned.nodeIdentity(),
                unsigned.epochMillis(), unsigned.nonce(), unsigned.proofs(), signature, bytes.toByteArray());
    }

    static SignedProof decode(byte[] encoded) throws ProofException {
        if (encoded == null || encoded.length > MAX_ENCODED_BYTES) {
            throw new ProofException("a consensus proof is at most " + MAX_ENCODED_BYTES + " bytes");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new ProofException("not a consensus proof (it does not start with HMCP)");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new ProofException("consensus proof version " + version + " is not understood (1 is)");
            }
            byte[] id = read(in, ID_BYTES);
            byte[] operationHash = read(in, HASH_BYTES);
            int identityLength = in.readUnsignedShort();
            checkRange(identityLength, 1, MAX_IDENTITY_BYTES, "node identity");
            String identity = utf8(read(in, identityLength));
            long epochMillis = in.readLong();
            byte[] nonce = read(in, NONCE_BYTES);
            List<X509Certificate> chain = readChain(in);
            List<Proof> proofs = readProofs(in);
            int signedLength = encoded.length - in.available();
            int signatureLength = in.readUnsignedShort();
            checkRange(signatureLength, 1, MAX_SIGNATURE_BYTES, "signature");
            byte[] signature = read(in, signatureLength);
            if (in.available() > 0) {
                throw new ProofException(in.available() + " bytes follow the consensus proof's signature");
            }
            ConsensusProof proof = new ConsensusProof(HEX.formatHex(id), operationHash, identity, epochMillis, nonce,
                    proofs, signature, encoded);
            return new SignedProof(proof, chain, java.util.Arrays.copyOf(encoded, signedLength));
        } catch (EOFException e) {
            throw new ProofException("the consensus proof is truncated");
        } catch (IOException e) {
            throw new ProofException("the consensus proof cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readChain(DataInputStream in) throws IOException, ProofException {
        int count = in.readUnsignedByte();
        checkRange(count, 1, MAX_CHAIN, "certificate chain");
        List<X509Certificate> chain = new ArrayList<>(count);
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every Java platform reads X.509", e);
        }
        for (int i = 0; i < count; i++) {
            int length = in.readUnsignedShort();
            checkRange(length, 1, MAX_CERTIFICATE_BYTES, "certificate");
            byte[] der = read(in, length);
            try {
                X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(der));
                if (!java.util.Arrays.equals(certificate.getEncoded(), der)) {
                    throw new ProofException("certificate " + i + " is not in canonical DER");
                }
                chain.add(certificate);
            } catch (CertificateException | RuntimeException e) {
                throw new ProofException("certificate " + i + " of the chain is malformed: " + e.getMessage());
            }
        }
        return chain;
    }

    private static List<Proof> readProofs(DataInputStream in) throws IOException, ProofException {
        int count = in.readUnsignedByte();
        checkRange(count, 1, MAX_PROOFS, "proof count");
        List<Proof> proofs = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int typeLength = in.readUnsignedByte();
            checkRange(typeLength, 1, MAX_TYPE_BYTES, "proof type");
            String type = checkType(new String(read(in, typeLength), StandardCharsets.US_ASCII));
            if (!seen.add(type)) {
                throw new ProofException("the consensus proof carries two " + type + " proofs");
            }
            int length = in.readInt();
            checkRange(length, 1, MAX_PROOF_BYTES, type + " proof");
            proofs.add(new Proof(type, read(in, length)));
        }
        return proofs;
    }

    private static byte[] read(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static String utf8(byte[] bytes) throws ProofException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProofException("the node identity is not UTF-8");
        }
    }

    private static byte[] exact(byte[] bytes, int length, String what) throws ProofException {
        if (bytes.length != length) {
            throw new ProofException("the " + what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    static String checkType(String type) throws ProofException {
        if (type.isEmpty() || type.length() > MAX_TYPE_BYTES || !type.chars().allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new ProofException("'" + type + "' is not a proof type (1.." + MAX_TYPE_BYTES
                    + " of a-z, 0-9, -)");
        }
        return type;
    }

    private static void checkRange(int value, int min, int max, String what) throws ProofException {
        if (value < min || value > max) {
            throw new ProofException("the " + what + " must be " + min + ".." + max + " long, not " + value);
        }
    }
}
