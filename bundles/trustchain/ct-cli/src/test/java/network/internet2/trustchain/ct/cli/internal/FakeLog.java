package network.internet2.trustchain.ct.cli.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * A small in-memory log for the commands: entries the test appends, a real
 * RFC 9162 Merkle tree over them computed by {@link ReferenceTree}, tree heads
 * and proofs taken from that tree, refusals worded as the real log words them,
 * and a record of every call. The signatures are placeholders of the right
 * lengths: the commands only report them.
 */
final class FakeLog implements TransparencyLog {

    static final Instant SIGNED_AT = Instant.parse("2026-05-01T10:00:00Z");
    static final byte[] LOG_ID = ReferenceTree.sha256("test log key".getBytes(StandardCharsets.UTF_8));

    final List<LogEntry> entries = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** The size of the signed tree head; negative: every entry appended. */
    long signedSize = -1;
    byte[] signature = new byte[72];
    byte[] falconSignature = new byte[1271];
    /** The most entries {@link #entries} returns at once, as a real log may return fewer than asked. */
    int maxPerRequest = 1000;
    /** Applied to every proof handed out: the tests tamper with paths here. */
    UnaryOperator<List<byte[]>> tamper = UnaryOperator.identity();
    /** If set, the tree size inclusion proofs claim, whatever was asked. */
    Long provedTreeSize;
    /** Thrown by every entries and proof call if set. */
    LogException failure;
    /** Thrown by every proof call if set. */
    LogException proofFailure;

    /** Appends an entry whose leaf input is anything: the Merkle tree does not care. */
    FakeLog append(byte[] leafInput, byte[] extraData) {
        entries.add(new LogEntry(entries.size(), leafInput, extraData));
        return this;
    }

    /** A log of {@code n} entries whose leaf inputs are the bytes {@code "leaf <i>"}. */
    static FakeLog ofSize(int n) {
        FakeLog log = new FakeLog();
        for (int i = 0; i < n; i++) {
            log.append(("leaf " + i).getBytes(StandardCharsets.UTF_8), new byte[0]);
        }
        return log;
    }

    /**
     * A log of {@code n} real x509 entries: {@code CN=host<i>.internet2.network},
     * serial {@code 1000 + i}, expiring on day {@code i} of 2027.
     */
    static FakeLog ofCertificates(int n) throws Exception {
        FakeLog log = new FakeLog();
        for (int i = 0; i < n; i++) {
            X509Certificate certificate = TestCertificates.certificate("CN=host" + i + ".internet2.network",
                    BigInteger.valueOf(1000 + i), notAfter(i));
            log.append(CtEncoding.x509Leaf(SIGNED_AT.toEpochMilli() - 1000 + i, certificate.getEncoded()),
                    CtEncoding.x509Extra());
        }
        return log;
    }

    static Instant notAfter(int i) {
        return Instant.parse("2027-01-01T00:00:00Z").plus(Duration.ofDays(i));
    }

    List<byte[]> leafHashes() {
        return entries.stream().map(entry -> ReferenceTree.leafHash(entry.leafInput())).toList();
    }

    long size() {
        return signedSize < 0 ? entries.size() : signedSize;
    }

    byte[] root(long size) {
        return ReferenceTree.mth(leafHashes(), 0, (int) size);
    }

    @Override
    public SignedTreeHead latestTreeHead() {
        return new SignedTreeHead(size(), SIGNED_AT.toEpochMilli(), root(size()), signature, falconSignature);
    }

    @Override
    public List<byte[]> consistencyProof(long first, long second) throws LogException {
        calls.add("consistencyProof " + first + " " + second);
        throwFailure();
        throwProofFailure();
        if (first > second) {
            throw new LogException.BadRequest("first (" + first + ") is larger than second (" + second + ")");
        }
        if (second > entries.size()) {
            throw new LogException.BadRequest("second (" + second + ") is larger than the tree (" + entries.size()
                    + ")");
        }
        return tamper.apply(ReferenceTree.proof((int) first, leafHashes(), (int) second));
    }

    @Override
    public InclusionProof inclusionProof(byte[] leafHash, long treeSize) throws LogException {
        calls.add("inclusionProof " + Format.hex(leafHash) + " " + treeSize);
        throwFailure();
        throwProofFailure();
        if (treeSize < 1 || treeSize > entries.size()) {
            throw new LogException.BadRequest("tree size " + treeSize + " is outside 1.." + entries.size());
        }
        List<byte[]> hashes = leafHashes();
        for (int i = 0; i < treeSize; i++) {
            if (MessageDigest.isEqual(hashes.get(i), leafHash)) {
                return new InclusionProof(i, provedTreeSize == null ? treeSize : provedTreeSize,
                        tamper.apply(ReferenceTree.path(i, hashes, 0, (int) treeSize)));
            }
        }
        throw new LogException.BadRequest("no leaf with this hash in the tree of size " + treeSize);
    }

    @Override
    public List<LogEntry> entries(long start, long end) throws LogException {
        calls.add("entries " + start + " " + end);
        throwFailure();
        if (start < 0 || end < start) {
            throw new LogException.BadRequest("start (" + start + ") and end (" + end
                    + ") must satisfy 0 <= start <= end");
        }
        if (start >= entries.size()) {
            throw new LogException.BadRequest("start (" + start + ") is beyond the tree (size " + entries.size()
                    + ")");
        }
        long last = Math.min(Math.min(end, entries.size() - 1), start + maxPerRequest - 1);
        return List.copyOf(entries.subList((int) start, (int) last + 1));
    }

    private void throwFailure() throws LogException {
        if (failure != null) {
            throw failure;
        }
    }

    private void throwProofFailure() throws LogException {
        if (proofFailure != null) {
            throw proofFailure;
        }
    }

    @Override
    public LogIdentity identity() {
        return new LogIdentity(LOG_ID, new byte[91], new byte[1793], "https://ct.internet2.network/ct/v1/",
                Duration.ofHours(24));
    }

    @Override
    public SignedCertificateTimestamp addChain(List<X509Certificate> chain) {
        throw new UnsupportedOperationException("the shell commands never append");
    }

    @Override
    public SignedCertificateTimestamp addPreChain(List<X509Certificate> chain) {
        throw new UnsupportedOperationException("the shell commands never append");
    }

    @Override
    public List<X509Certificate> acceptedRoots() {
        return List.of();
    }

    /** @return a copy of the path with one bit of hash {@code which} flipped */
    static List<byte[]> flipBit(List<byte[]> path, int which) {
        List<byte[]> tampered = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            byte[] hash = path.get(i).clone();
            if (i == which) {
                hash[hash.length - 1] ^= 1;
            }
            tampered.add(hash);
        }
        return tampered;
    }

    @Override
    public network.internet2.trustchain.ct.EmbeddedSctVerdict verifyEmbeddedScts(
            java.util.List<java.security.cert.X509Certificate> chain) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
