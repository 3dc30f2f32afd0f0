/**
 * The proof-of-space engine of HyperMesh consensus.
 *
 * <p><b>What it proves.</b> That the node holds a plot: {@code plot.blocks}
 * blocks of 4096 pseudo-random bytes ({@link network.internet2.hypermesh.proof.space.internal.PlotFunction}),
 * derived from the node's secret plot seed and its identity, each made costly
 * by {@code plot.work.factor} chained hashes. A Merkle tree
 * ({@link network.internet2.hypermesh.proof.space.internal.MerkleTree}, RFC 6962
 * hashing, unbalanced trees as RFC 6962 builds them) commits to the blocks; its
 * root, with the block count, work factor and plot key, is the node's
 * {@link network.internet2.hypermesh.proof.space.internal.Commitment}, kept in
 * the durable {@link network.internet2.hypermesh.proof.space.internal.RootRegistry}.
 * A proof answers {@code challenges} blocks picked by hashing the challenge
 * value: each block with its Merkle path
 * ({@link network.internet2.hypermesh.proof.space.internal.SpaceProof}).
 * Verifying ({@link network.internet2.hypermesh.proof.space.internal.SpaceVerifier})
 * needs only the registered commitment: the picks, the paths to the root and
 * the blocks' contents, recomputed from the plot key.
 *
 * <p><b>Where the plot lives.</b> In a storage allocation of the node's
 * storage asset, leased from the asset registry by owner {@code proof-space}
 * and renewed every third of the lease: the blocks, then their leaf hashes.
 * The Merkle levels from {@code merkle.cache.from.level} up are kept in memory
 * ({@link network.internet2.hypermesh.proof.space.internal.Plot}).
 * {@link network.internet2.hypermesh.proof.space.internal.Plotter} writes it
 * in batches on the component's thread, with checkpoints (flush, then
 * {@link network.internet2.hypermesh.proof.space.internal.PlotState}) so an
 * interrupted plot resumes; after a restart a complete plot is read back
 * (leaf hashes, root, one self-proof) instead of made again.
 *
 * <p><b>Files</b> in {@code storage.directory} (mode 0700, each file 0600,
 * replaced atomically): {@code plot.seed} (32 bytes, made once),
 * {@code plot.state}, {@code roots}.
 *
 * <p><b>Limits.</b> The blocks are independent of each other, so the
 * time-space trade-off is linear: a prover that keeps only the Merkle levels
 * from height {@code h} (1/2^h of the leaf hashes, no blocks) can still
 * answer, by making {@code challenges * 2^h} blocks again per proof. The work
 * factor and the consensus time limit set what that costs; labels of a
 * depth-robust graph would make it far steeper. Roots of other nodes are only
 * known once registered here; how they travel between nodes is not this
 * bundle's job yet.
 */
package network.internet2.hypermesh.proof.space.internal;
