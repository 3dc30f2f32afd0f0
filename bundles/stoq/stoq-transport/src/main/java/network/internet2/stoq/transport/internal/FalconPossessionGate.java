package network.internet2.stoq.transport.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Supplier;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;
import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The post-quantum possession proof run on every connection before any
 * application stream ({@link PossessionProof} says what is signed). On one
 * admission stream: the client sends its nonce; the server answers with its
 * nonce and its signature; the client verifies it and sends its own signature;
 * the server verifies that and answers one byte, 0, which admits the client.
 * A peer that fails is refused with {@link RefusalReason#POSSESSION_PROOF_FAILED}.
 */
final class FalconPossessionGate implements ConnectionGate {

    /** A FALCON-1024 signature is at most 1,330 bytes; anything larger is refused unread. */
    private static final int MAX_SIGNATURE = 2048;
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(10);

    private final CryptoSuite postQuantum;
    private final Supplier<NodeCertificate> node;
    private final SecureRandom random = new SecureRandom();

    FalconPossessionGate(CryptoSuite postQuantum, Supplier<NodeCertificate> node) {
        this.postQuantum = postQuantum;
        this.node = node;
    }

    @Override
    public void admit(Admission admission) throws PeerRefusedException, StoqException {
        NodeCertificate ours = node.get();
        if (ours == null || ours.alternativePrivateKey() == null) {
            throw new StoqException("this node has no certificate with a FALCON-1024 key yet; it cannot prove "
                    + "possession (is the CA running with crypto-pq?)");
        }
        X509Certificate peer = admission.peer().certificate();
        try {
            if (admission.client()) {
                asClient(admission, ours, peer);
            } else {
                asServer(admission, ours, peer);
            }
        } catch (EOFException e) {
            throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                    "the peer closed the possession proof exchange early");
        } catch (IOException e) {
            if (e instanceof StoqException stoq) {
                throw stoq;
            }
            throw new StoqException("possession proof exchange failed: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new StoqException("cannot sign the possession proof: " + e.getMessage(), e);
        }
    }

    @Override
    public String traceName() {
        return "possession-proof";
    }

    @Override
    public String traceDetail(boolean client) {
        return client
                ? "the server's FALCON-1024 signature over this connection's transcript verifies with the key its "
                        + "certificate names, and the server accepted this node's own proof"
                : "the client's FALCON-1024 signature over this connection's transcript verifies with the key its "
                        + "certificate names";
    }

    private void asClient(Admission admission, NodeCertificate ours, X509Certificate server)
            throws IOException, CryptoException {
        try (StoqStream stream = admission.openStream()) {
            DataOutputStream out = new DataOutputStream(stream.output());
            DataInputStream in = new DataInputStream(stream.input());
            byte[] clientNonce = nonce();
            out.write(clientNonce);
            out.flush();
            byte[] serverNonce = new byte[PossessionProof.NONCE_SIZE];
            in.readFully(serverNonce);
            byte[] serverSignature = readSignature(in);
            PossessionProof.verify(postQuantum, server, PossessionProof.transcript(PossessionProof.Role.SERVER,
                    ours.certificate(), server, clientNonce, serverNonce), serverSignature);
            writeSignature(out, PossessionProof.sign(postQuantum, ours.alternativePrivateKey(),
                    PossessionProof.transcript(PossessionProof.Role.CLIENT, ours.certificate(), server, clientNonce,
                            serverNonce)));
            if (in.read() != 0) {
                throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                        "the peer did not accept this node's possession proof");
            }
        }
    }

    private void asServer(Admission admission, NodeCertificate ours, X509Certificate client)
            throws IOException, CryptoException {
        try (StoqStream stream = admission.acceptStream(EXCHANGE_TIMEOUT)) {
            DataOutputStream out = new DataOutputStream(stream.output());
            DataInputStream in = new DataInputStream(stream.input());
            byte[] clientNonce = new byte[PossessionProof.NONCE_SIZE];
            in.readFully(clientNonce);
            byte[] serverNonce = nonce();
            out.write(serverNonce);
            writeSignature(out, PossessionProof.sign(postQuantum, ours.alternativePrivateKey(),
                    PossessionProof.transcript(PossessionProof.Role.SERVER, client, ours.certificate(), clientNonce,
                            serverNonce)));
            byte[] clientSignature = readSignature(in);
            PossessionProof.verify(postQuantum, client, PossessionProof.transcript(PossessionProof.Role.CLIENT,
                    client, ours.certificate(), clientNonce, serverNonce), clientSignature);
            out.write(0);
            out.flush();
        }
    }

    private static void writeSignature(DataOutputStream out, byte[] signature) throws IOException {
        out.writeShort(signature.length);
        out.write(signature);
        out.flush();
    }

    private static byte[] readSignature(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        if (length == 0 || length > MAX_SIGNATURE) {
            throw new PeerRefusedException(RefusalReason.POSSESSION_PROOF_FAILED,
                    "the peer sent a possession signature of " + length + " bytes");
        }
        byte[] signature = new byte[length];
        in.readFully(signature);
        return signature;
    }

    private byte[] nonce() {
        byte[] nonce = new byte[PossessionProof.NONCE_SIZE];
        random.nextBytes(nonce);
        return nonce;
    }
}
