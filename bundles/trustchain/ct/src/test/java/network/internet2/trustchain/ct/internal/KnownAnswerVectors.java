package network.internet2.trustchain.ct.internal;

import java.util.HexFormat;
import java.util.List;

/**
 * Published known-answer vectors for RFC 6962 Merkle trees over SHA-256 (leaf
 * hash {@code SHA-256(0x00 || leaf)}, node hash
 * {@code SHA-256(0x01 || left || right)}, empty tree {@code SHA-256()}).
 * Only data lives here, no code from the sources.
 * <p>
 * Source: repository {@code transparency-dev/merkle}, file
 * {@code proof/verify_test.go} (commit
 * {@code 02194e9afb6c1d95b5381350007963aa70fff472}): variables
 * {@code leaves}, {@code roots}, {@code sha256EmptyTreeHash},
 * {@code inclusionProofs} and {@code consistencyProofs}. The same leaves,
 * roots, inclusion paths and consistency proofs (all but the 6&rarr;7 proof)
 * are in repository {@code google/certificate-transparency}, file
 * {@code cpp/merkletree/merkle_tree_test.cc} ({@code kInputs},
 * {@code kSHA256EmptyTreeHash}, {@code kSHA256Roots}, {@code kSHA256Paths},
 * {@code kSHA256Proofs}).
 * <p>
 * Two changes of notation: the sources number leaves from 1, here
 * {@link Inclusion#leafIndex()} counts from 0 (published leaf &minus; 1);
 * and the sources' first inclusion entry (leaf 0 of a 0-leaf tree), an
 * intentionally invalid probe, is left out.
 * <p>
 * Every vector was checked when recorded: the roots recomputed from the
 * leaves with the RFC 6962 definitions, the paths and proofs regenerated
 * with RFC 6962 {@code PATH} and {@code PROOF}, and all proofs accepted by an
 * RFC 9162 verifier.
 */
public final class KnownAnswerVectors {

    /** An inclusion proof for the leaf at {@code leafIndex} (0-based) in the first {@code treeSize} leaves. */
    public record Inclusion(long leafIndex, long treeSize, List<String> pathHex) {
        public List<byte[]> path() {
            return pathHex.stream().map(KnownAnswerVectors::bytes).toList();
        }
    }

    /** A consistency proof between the trees of the first {@code first} and {@code second} leaves. */
    public record Consistency(long first, long second, List<String> pathHex) {
        public List<byte[]> path() {
            return pathHex.stream().map(KnownAnswerVectors::bytes).toList();
        }
    }

    /** The eight leaf inputs, in order. */
    public static final List<String> LEAVES_HEX = List.of(
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Root hash of the tree of the first {@code n} leaves, at index {@code n} (0..8). */
    public static final List<String> ROOTS_HEX = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Published inclusion proofs (leaf index 0-based). */
    public static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    /** Published consistency proofs. */
    public static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private KnownAnswerVectors() {
    }

    /** Leaf input {@code index} (0..7). */
    public static byte[] leaf(int index) {
        return bytes(LEAVES_HEX.get(index));
    }

    /** Root hash of the tree of the first {@code treeSize} leaves (0..8). */
    public static byte[] root(long treeSize) {
        return bytes(ROOTS_HEX.get(Math.toIntExact(treeSize)));
    }

    /** Decodes lower-case hex; the empty string is the empty array. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
