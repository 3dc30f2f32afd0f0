package network.internet2.hypermesh.proof;

import java.util.Objects;

/**
 * An operation to be validated by consensus.
 *
 * @param kind    what is done, e.g. {@code asset.allocate}
 * @param subject what it is done to, e.g. an allocation id
 * @param payload the canonical encoding of the operation's parameters
 */
public record Operation(String kind, String subject, byte[] payload) {

    public Operation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
