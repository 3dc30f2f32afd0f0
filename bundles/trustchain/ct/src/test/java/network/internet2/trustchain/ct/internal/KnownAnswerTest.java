package network.internet2.trustchain.ct.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The stored tree against the published vectors in {@link KnownAnswerVectors} (source named there). */
public class KnownAnswerTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void rootsInclusionAndConsistencyProofsMatchThePublishedVectors() throws IOException {
        try (TreeStorage storage = TreeStorage.open(folder.getRoot().toPath())) {
            assertArrayEquals(KnownAnswerVectors.root(0), storage.rootHash(0));
            for (int i = 0; i < KnownAnswerVectors.LEAVES_HEX.size(); i++) {
                storage.append(List.of(new TreeStorage.Entry(KnownAnswerVectors.leaf(i), new byte[0])));
            }
            for (int n = 1; n <= KnownAnswerVectors.LEAVES_HEX.size(); n++) {
                assertArrayEquals("root of " + n, KnownAnswerVectors.root(n), storage.rootHash(n));
            }
            for (KnownAnswerVectors.Inclusion vector : KnownAnswerVectors.INCLUSION_PROOFS) {
                assertPath(vector.pathHex(), storage.inclusionPath(vector.leafIndex(), vector.treeSize()));
            }
            for (KnownAnswerVectors.Consistency vector : KnownAnswerVectors.CONSISTENCY_PROOFS) {
                assertPath(vector.pathHex(), storage.consistencyPath(vector.first(), vector.second()));
            }
        }
    }

    private static void assertPath(List<String> expectedHex, List<byte[]> actual) {
        assertEquals(expectedHex.size(), actual.size());
        for (int i = 0; i < actual.size(); i++) {
            assertArrayEquals(KnownAnswerVectors.bytes(expectedHex.get(i)), actual.get(i));
        }
    }
}
