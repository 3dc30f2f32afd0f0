package network.internet2.hypermesh.proof;

/**
 * One engine's proof.
 *
 * @param type    the proof type
 * @param encoded the engine's encoding of the proof
 */
public record Proof(String type, byte[] encoded) {

    public Proof {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
