package network.internet2.trustchain.ct;

import java.util.List;

/**
 * An audit path (RFC 9162, 2.1.3) from a leaf to the root of a tree.
 *
 * @param leafIndex index of the leaf
 * @param treeSize  size of the tree the path leads to
 * @param auditPath the sibling hashes, from the leaf upwards
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> auditPath) {

    public InclusionProof {
        auditPath = auditPath.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> auditPath() {
        return auditPath.stream().map(byte[]::clone).toList();
    }
}
