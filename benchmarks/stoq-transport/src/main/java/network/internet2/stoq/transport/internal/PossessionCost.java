package network.internet2.stoq.transport.internal;

import java.security.SecureRandom;

import network.internet2.trustchain.ca.NodeCertificate;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The cryptography of one possession proof exchange without the network: the server signs its transcript
 * and the client verifies it, the client signs its own and the server verifies it (FALCON-1024), as
 * {@link FalconPossessionGate} does on both ends of every connection.
 */
final class PossessionCost {

    private PossessionCost() {
    }

    static Latencies measure(CryptoSuite postQuantum, NodeCertificate client, NodeCertificate server, int warmUps,
            int count, long deadline) throws Exception {
        SecureRandom random = new SecureRandom();
        return Handshakes.measure(() -> () -> {
            exchange(postQuantum, client, server, random);
            return () -> { };
        }, warmUps, count, deadline);
    }

    private static void exchange(CryptoSuite postQuantum, NodeCertificate client, NodeCertificate server,
            SecureRandom random) throws Exception {
        byte[] clientNonce = nonce(random);
        byte[] serverNonce = nonce(random);
        byte[] serverTranscript = PossessionProof.transcript(PossessionProof.Role.SERVER, client.certificate(),
                server.certificate(), clientNonce, serverNonce);
        PossessionProof.verify(postQuantum, server.certificate(), serverTranscript,
                PossessionProof.sign(postQuantum, server.alternativePrivateKey(), serverTranscript));
        byte[] clientTranscript = PossessionProof.transcript(PossessionProof.Role.CLIENT, client.certificate(),
                server.certificate(), clientNonce, serverNonce);
        PossessionProof.verify(postQuantum, client.certificate(), clientTranscript,
                PossessionProof.sign(postQuantum, client.alternativePrivateKey(), clientTranscript));
    }

    private static byte[] nonce(SecureRandom random) {
        byte[] nonce = new byte[PossessionProof.NONCE_SIZE];
        random.nextBytes(nonce);
        return nonce;
    }
}
