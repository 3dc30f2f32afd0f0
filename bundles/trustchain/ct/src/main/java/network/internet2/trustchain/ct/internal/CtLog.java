package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1OctetString;

import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.ct.EmbeddedSctVerdict;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.LogIdentity;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The log itself, without OSGi: checks submissions, appends them through the
 * group-commit queue, signs SCTs once entries are durable, signs tree heads,
 * and answers proofs from the stored tree.
 */
final class CtLog implements TransparencyLog, AutoCloseable {

    /** Most entries one get-entries answers. */
    static final int MAX_ENTRIES_PER_REQUEST = 1000;
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(30);

    private final TreeStorage storage;
    private final AppendQueue appends;
    private final LogKeys keys;
    private final Supplier<List<X509Certificate>> roots;
    private final Clock clock;
    private final LogIdentity identity;
    private volatile SignedTreeHead treeHead;
    private volatile AppendObserver observer = AppendObserver.NONE;

    CtLog(TreeStorage storage, LogKeys keys, Supplier<List<X509Certificate>> roots, Clock clock, String url,
            Duration maximumMergeDelay) throws LogException {
        this.storage = storage;
        this.keys = keys;
        this.roots = roots;
        this.clock = clock;
        this.identity = new LogIdentity(keys.logId(), keys.ecdsaPublicKey(), keys.falconPublicKey(), url,
                maximumMergeDelay);
        this.appends = new AppendQueue(storage, entries -> observer.appended(entries));
        refreshTreeHead();
    }

    @Override
    public SignedCertificateTimestamp addChain(List<X509Certificate> chain) throws LogException {
        return add(chain, false);
    }

    @Override
    public SignedCertificateTimestamp addPreChain(List<X509Certificate> chain) throws LogException {
        return add(chain, true);
    }

    private SignedCertificateTimestamp add(List<X509Certificate> chain, boolean precert) throws LogException {
        ChainCheck.check(chain, precert, roots.get());
        long timestamp = clock.millis();
        CtStructures.SignedEntry signed;
        byte[] extra;
        try {
            signed = precert
                    ? CtStructures.SignedEntry.precert(Precertificates.issuerKeyHash(chain.get(1)),
                            Precertificates.loggedTbs(chain.get(0)))
                    : CtStructures.SignedEntry.x509(chain.get(0).getEncoded());
            extra = CtStructures.extraData(chain, precert);
        } catch (CertificateEncodingException e) {
            throw new LogException.BadRequest("a certificate of the chain cannot be encoded: " + e.getMessage());
        }
        byte[] leaf = CtStructures.leafInput(timestamp, signed);
        if (leaf.length + extra.length > TreeStorage.MAX_RECORD - 64) {
            throw new LogException.BadRequest("the chain is too large to log (" + (leaf.length + extra.length)
                    + " bytes)");
        }
        try {
            appends.append(new TreeStorage.Entry(leaf, extra))
                    .get(APPEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LogException.Unavailable("the log could not store the entry durably: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LogException.Unavailable("the log did not store the entry within " + APPEND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException.Unavailable("interrupted while the entry was being stored", e);
        }
        return sign(timestamp, signed);
    }

    /** An SCT: FALCON-1024 over the input with empty extensions, then ECDSA over the input with that extension. */
    private SignedCertificateTimestamp sign(long timestamp, CtStructures.SignedEntry signed) throws LogException {
        byte[] falcon;
        try {
            falcon = keys.signFalcon(CtStructures.sctSignatureInput(timestamp, signed, new byte[0]));
        } catch (CryptoException e) {
            throw new LogException.Unavailable("FALCON-1024 co-signing failed (the entry is logged; its SCT "
                    + "could not be made): " + e.getMessage(), e);
        }
        byte[] extensions = CtStructures.falconExtension(falcon);
        byte[] signature = CtStructures.digitallySigned(
                keys.signEcdsa(CtStructures.sctSignatureInput(timestamp, signed, extensions)));
        byte[] logId = keys.logId();
        return new SignedCertificateTimestamp(logId, timestamp, extensions, signature,
                CtStructures.serializedSct(logId, timestamp, extensions, signature));
    }

    /** Signs a tree head over everything stored now, if it grew or the last one is older than {@code maxAge}. */
    void refreshTreeHead(Duration maxAge) throws LogException {
        SignedTreeHead current = treeHead;
        if (current == null || current.treeSize() != storage.size()
                || clock.millis() - current.timestamp() >= maxAge.toMillis()) {
            refreshTreeHead();
        }
    }

    private synchronized void refreshTreeHead() throws LogException {
        long size = storage.size();
        long timestamp = Math.max(clock.millis(), treeHead == null ? 0 : treeHead.timestamp());
        try {
            byte[] root = storage.rootHash(size);
            byte[] input = CtStructures.treeHeadSignatureInput(timestamp, size, root);
            treeHead = new SignedTreeHead(size, timestamp, root,
                    CtStructures.digitallySigned(keys.signEcdsa(input)), keys.signFalcon(input));
        } catch (IOException | CryptoException e) {
            throw new LogException.Unavailable("cannot sign a tree head: " + e.getMessage(), e);
        }
    }

    @Override
    public SignedTreeHead latestTreeHead() {
        return treeHead;
    }

    @Override
    public List<byte[]> consistencyProof(long first, long second) throws LogException {
        long size = storage.size();
        if (first < 0 || second < 0) {
            throw new LogException.BadRequest("tree sizes cannot be negative");
        }
        if (first > second) {
            throw new LogException.BadRequest("first (" + first + ") is larger than second (" + second + ")");
        }
        if (second > size) {
            throw new LogException.BadRequest("second (" + second + ") is larger than the tree (" + size + ")");
        }
        try {
            return storage.consistencyPath(first, second);
        } catch (IOException e) {
            throw new LogException.Unavailable("cannot read the tree: " + e.getMessage(), e);
        }
    }

    @Override
    public InclusionProof inclusionProof(byte[] leafHash, long treeSize) throws LogException {
        if (leafHash == null || leafHash.length != MerkleHashes.SIZE) {
            throw new LogException.BadRequest("a leaf hash is 32 bytes (SHA-256)");
        }
        checkTreeSize(treeSize);
        long index = storage.indexOf(leafHash, treeSize);
        if (index < 0) {
            throw new LogException.BadRequest("no leaf with this hash in the tree of size " + treeSize);
        }
        try {
            return new InclusionProof(index, treeSize, storage.inclusionPath(index, treeSize));
        } catch (IOException e) {
            throw new LogException.Unavailable("cannot read the tree: " + e.getMessage(), e);
        }
    }

    /** Inclusion proof of the leaf at {@code index}: what get-entry-and-proof needs without a hash lookup. */
    InclusionProof inclusionProof(long index, long treeSize) throws LogException {
        checkTreeSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new LogException.BadRequest("leaf index " + index + " is not in the tree of size " + treeSize);
        }
        try {
            return new InclusionProof(index, treeSize, storage.inclusionPath(index, treeSize));
        } catch (IOException e) {
            throw new LogException.Unavailable("cannot read the tree: " + e.getMessage(), e);
        }
    }

    private void checkTreeSize(long treeSize) throws LogException.BadRequest {
        long size = storage.size();
        if (treeSize < 1 || treeSize > size) {
            throw new LogException.BadRequest("tree size " + treeSize + " is outside 1.." + size);
        }
    }

    @Override
    public List<LogEntry> entries(long start, long end) throws LogException {
        long size = storage.size();
        if (start < 0 || end < start) {
            throw new LogException.BadRequest("start (" + start + ") and end (" + end
                    + ") must satisfy 0 <= start <= end");
        }
        if (start >= size) {
            throw new LogException.BadRequest("start (" + start + ") is beyond the tree (size " + size + ")");
        }
        long last = Math.min(Math.min(end, size - 1), start + MAX_ENTRIES_PER_REQUEST - 1);
        List<LogEntry> entries = new ArrayList<>();
        try {
            for (long index = start; index <= last; index++) {
                TreeStorage.Entry entry = storage.entry(index);
                entries.add(new LogEntry(index, entry.leafInput(), entry.extraData()));
            }
        } catch (IOException e) {
            throw new LogException.Unavailable("cannot read the log: " + e.getMessage(), e);
        }
        return entries;
    }

    @Override
    public List<X509Certificate> acceptedRoots() {
        return List.copyOf(roots.get());
    }

    @Override
    public LogIdentity identity() {
        return identity;
    }

    /** @return the number of durable entries (the next tree head's size) */
    long size() {
        return storage.size();
    }

    /** @return how long ago, by the log's clock, the latest tree head was signed (never negative) */
    Duration treeHeadAge() {
        return Duration.ofMillis(Math.max(0, clock.millis() - treeHead.timestamp()));
    }

    /** Sets who is told of appended entries ({@link AppendObserver#NONE} to stop). */
    void observe(AppendObserver next) {
        observer = next == null ? AppendObserver.NONE : next;
    }

    /** Verifies an SCT this log issued: the ECDSA signature and the FALCON-1024 co-signature. */
    boolean verify(SignedCertificateTimestamp sct, CtStructures.SignedEntry signed) {
        byte[] falcon;
        try {
            falcon = CtStructures.falconSignatureIn(sct.extensions());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return falcon != null
                && keys.verifyFalcon(CtStructures.sctSignatureInput(sct.timestamp(), signed, new byte[0]), falcon)
                && keys.verifyEcdsa(CtStructures.sctSignatureInput(sct.timestamp(), signed, sct.extensions()),
                        CtStructures.ecdsaSignatureOf(sct.signature()));
    }

    @Override
    public EmbeddedSctVerdict verifyEmbeddedScts(List<X509Certificate> chain) {
        if (chain == null || chain.size() < 2) {
            return EmbeddedSctVerdict.MISSING;
        }
        X509Certificate certificate = chain.get(0);
        byte[] extension = certificate.getExtensionValue(Precertificates.SCT_LIST.getId());
        if (extension == null) {
            return EmbeddedSctVerdict.MISSING;
        }
        try {
            byte[] list = ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getOctets();
            CtStructures.SignedEntry signed = CtStructures.SignedEntry.precert(
                    Precertificates.issuerKeyHash(chain.get(1)), Precertificates.loggedTbsOfFinal(certificate));
            Tls.Reader scts = new Tls.Reader(new Tls.Reader(list).opaque16());
            byte[] ours = keys.logId();
            while (!scts.atEnd()) {
                Tls.Reader sct = new Tls.Reader(scts.opaque16());
                if (sct.u8() != 0) {
                    continue;
                }
                byte[] logId = sct.bytes(32);
                long timestamp = sct.u64();
                byte[] extensions = sct.opaque16();
                int hash = sct.u8();
                int algorithm = sct.u8();
                byte[] signature = sct.opaque16();
                if (!java.util.Arrays.equals(logId, ours)) {
                    continue;
                }
                byte[] digitallySigned = new Tls.Writer().u8(hash).u8(algorithm).opaque16(signature).toByteArray();
                return verify(new SignedCertificateTimestamp(logId, timestamp, extensions, digitallySigned,
                        new byte[0]), signed) ? EmbeddedSctVerdict.VALID : EmbeddedSctVerdict.INVALID;
            }
            return EmbeddedSctVerdict.MISSING;
        } catch (IllegalArgumentException | CertificateEncodingException | ClassCastException e) {
            return EmbeddedSctVerdict.INVALID;
        }
    }

    @Override
    public void close() {
        appends.close();
        storage.close();
    }
}
