package network.internet2.trustchain.ct.rest.internal;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * A hand-written log for the endpoint tests: fixed answers, a record of every call
 * with its arguments, and {@link #failure} thrown from every method that may throw
 * once it is set. Chains are accepted only when they end at {@link #root}.
 */
final class FakeLog implements TransparencyLog {

    static final byte[] LOG_ID = bytes(32, 1);
    static final byte[] PUBLIC_KEY = bytes(91, 2);
    static final byte[] FALCON_KEY = bytes(1793, 3);
    static final String URL = "http://[::1]:8181/ct/v1/";
    static final long FIRST_ENTRY_MILLIS = 1_764_000_000_123L;
    static final long STH_MILLIS = 1_764_000_500_000L;

    final X509Certificate root;
    final List<String> calls = new ArrayList<>();
    List<X509Certificate> lastChain;
    byte[] lastLeafHash;
    long[] lastArguments;
    long treeSize = 3;
    LogException failure;

    FakeLog() throws Exception {
        root = Fixtures.certificate("Test Root", 1, true);
    }

    static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (fill + i);
        }
        return bytes;
    }

    /** A v1 timestamped_entry MerkleTreeLeaf with this timestamp and the index as payload. */
    static byte[] leafInput(long index, long timestamp) {
        return ByteBuffer.allocate(18).put((byte) 0).put((byte) 0).putLong(timestamp).putLong(index).array();
    }

    static byte[] extraData(long index) {
        return new byte[] {0, 0, 3, (byte) index, 7, 7};
    }

    private void fail() throws LogException {
        if (failure != null) {
            throw failure;
        }
    }

    private SignedCertificateTimestamp submit(String call, List<X509Certificate> chain) throws LogException {
        calls.add(call);
        lastChain = chain;
        fail();
        if (!chain.get(chain.size() - 1).equals(root)) {
            throw new LogException.BadRequest("the chain does not end at an accepted root; get-roots lists them");
        }
        return new SignedCertificateTimestamp(LOG_ID, 1_764_000_000_999L, bytes(5, 9), bytes(72, 4), bytes(120, 5));
    }

    @Override
    public SignedCertificateTimestamp addChain(List<X509Certificate> chain) throws LogException {
        return submit("addChain", chain);
    }

    @Override
    public SignedCertificateTimestamp addPreChain(List<X509Certificate> chain) throws LogException {
        return submit("addPreChain", chain);
    }

    @Override
    public SignedTreeHead latestTreeHead() {
        calls.add("latestTreeHead");
        return new SignedTreeHead(treeSize, STH_MILLIS, bytes(32, 6), bytes(71, 7), bytes(1270, 8));
    }

    @Override
    public List<byte[]> consistencyProof(long first, long second) throws LogException {
        calls.add("consistencyProof");
        lastArguments = new long[] {first, second};
        fail();
        return List.of(bytes(32, 10), bytes(32, 11));
    }

    @Override
    public InclusionProof inclusionProof(byte[] leafHash, long size) throws LogException {
        calls.add("inclusionProof");
        lastLeafHash = leafHash;
        lastArguments = new long[] {size};
        fail();
        for (long index = 0; index < treeSize; index++) {
            if (java.util.Arrays.equals(leafHash, CtEndpoints.leafHash(leafInput(index, FIRST_ENTRY_MILLIS + index)))) {
                return new InclusionProof(index, size, List.of(bytes(32, 20), bytes(32, 21)));
            }
        }
        return new InclusionProof(1, size, List.of(bytes(32, 20)));
    }

    @Override
    public List<LogEntry> entries(long start, long end) throws LogException {
        calls.add("entries");
        lastArguments = new long[] {start, end};
        fail();
        if (start >= treeSize) {
            throw new LogException.BadRequest("start (" + start + ") is beyond the tree (size " + treeSize + ")");
        }
        List<LogEntry> entries = new ArrayList<>();
        for (long index = start; index <= Math.min(end, treeSize - 1); index++) {
            entries.add(new LogEntry(index, leafInput(index, FIRST_ENTRY_MILLIS + index), extraData(index)));
        }
        return entries;
    }

    @Override
    public List<X509Certificate> acceptedRoots() {
        calls.add("acceptedRoots");
        return List.of(root);
    }

    @Override
    public LogIdentity identity() {
        return new LogIdentity(LOG_ID, PUBLIC_KEY, FALCON_KEY, URL, Duration.ofHours(24));
    }

    @Override
    public network.internet2.trustchain.ct.EmbeddedSctVerdict verifyEmbeddedScts(
            java.util.List<java.security.cert.X509Certificate> chain) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
