package network.internet2.hypermesh.consensus.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import network.internet2.hypermesh.proof.Challenge;
import network.internet2.hypermesh.proof.ConsensusProof;
import network.internet2.hypermesh.proof.ConsensusStatus;
import network.internet2.hypermesh.proof.Operation;
import network.internet2.hypermesh.proof.ProofEngine;
import network.internet2.hypermesh.proof.ProofException;
import network.internet2.hypermesh.proof.Verdict;
import network.internet2.trustchain.ca.NodeCertificate;

/**
 * Benchmark access to the real {@link ConsensusCore} outside OSGi (this class sits in the consensus package on the
 * benchmark's plain class path). Like the consensus unit tests' {@code TestNode}: a root CA and a node certificate
 * (ECDSA P-256, the node's DNS identity in its subject alternative name) made with BouncyCastle, and a chain check
 * that trusts that root (validity dates, the leaf's signature by the root, the chain ending at the root). The policy
 * requires the four proofs; its validation timeout is raised (see {@link #VALIDATION_LIMIT}) so that a slow
 * validation is measured rather than counted against the node.
 */
public final class BenchConsensus {

    /**
     * The validation limit of the benchmark's policy. The node's default ({@code validation.timeout.ms}) is the
     * seed's 100 ms; with it a validation over 100 ms is refused and five in a row quarantine the node, after which
     * validations are refused without being looked at and would measure nothing. The benchmark counts the
     * validations over 100 ms itself.
     */
    public static final Duration VALIDATION_LIMIT = Duration.ofSeconds(60);

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final NodeCertificate node;
    private final String identity;
    private final Map<String, ProofEngine> engines;
    private final SecureRandom random = new SecureRandom();
    private ConsensusCore core;

    private BenchConsensus(String identity, Map<String, ProofEngine> engines) throws Exception {
        this.identity = identity;
        this.engines = Map.copyOf(engines);
        this.rootKeys = ecKeys();
        long now = System.currentTimeMillis();
        X500Name rootName = new X500Name("CN=consensus benchmark root");
        this.root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(rootName,
                BigInteger.ONE, new Date(now - 60_000), new Date(now + 7 * 86_400_000L), rootName,
                rootKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        KeyPair nodeKeys = ecKeys();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                rootName, BigInteger.TWO, new Date(now - 60_000), new Date(now + 86_400_000L),
                new X500Name("CN=" + identity), nodeKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, identity)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
        this.node = new NodeCertificate(List.of(leaf, root), nodeKeys.getPrivate(), null);
        reset();
    }

    /**
     * @param identity the node's DNS identity, which its certificate names and the engines prove for
     * @param engines  the four engines by type
     */
    public static BenchConsensus create(String identity, Map<String, ProofEngine> engines) throws Exception {
        return new BenchConsensus(identity, engines);
    }

    /** A fresh core over the same node and engines: its timings and replay memory start empty. */
    public void reset() {
        ConsensusPolicy policy = new ConsensusPolicy(ConsensusPolicy.FOUR, VALIDATION_LIMIT, Duration.ofMinutes(5),
                Duration.ofSeconds(30), 5, Duration.ofMinutes(10), 100_000);
        core = new ConsensusCore(policy, engines::get, () -> List.copyOf(engines.keySet()), () -> node,
                this::checkChain, Clock.systemUTC());
    }

    private Optional<String> checkChain(List<X509Certificate> chain, String nodeIdentity) {
        try {
            X509Certificate leaf = chain.get(0);
            leaf.checkValidity();
            leaf.verify(root.getPublicKey());
            if (!chain.get(chain.size() - 1).equals(root)) {
                return Optional.of("the chain does not end at the trusted root");
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("not issued by the trusted root: " + e.getMessage());
        }
    }

    public ConsensusProof prove(Operation operation) throws ProofException {
        return core.prove(operation);
    }

    /** As a receiving node does: decode the bytes it was sent. */
    public ConsensusProof decode(byte[] encoded) throws ProofException {
        return core.decode(encoded);
    }

    public Verdict validate(Operation operation, ConsensusProof proof) {
        return core.validate(operation, proof);
    }

    /** @return the core's own timings: per proof type and {@code consensus} for the whole, prove and verify */
    public ConsensusStatus status() {
        return core.status();
    }

    public String identity() {
        return identity;
    }

    /** @return the DER bytes of the node's chain as a consensus proof carries it */
    public int chainBytes() throws Exception {
        int bytes = 0;
        for (X509Certificate certificate : node.chain()) {
            bytes += certificate.getEncoded().length;
        }
        return bytes;
    }

    /** The baseline: the node's key signing {@code data} exactly as a consensus proof is signed. */
    public byte[] signBare(byte[] data) throws ProofException {
        return NodeSignatures.sign(node.privateKey(), data);
    }

    /** The baseline: checking such a signature with the leaf certificate's key, as validation does. */
    public boolean verifyBare(byte[] data, byte[] signature) {
        return NodeSignatures.verify(node.certificate().getPublicKey(), data, signature);
    }

    /** @return the node certificate's private key (for the second baseline: the same key through another provider) */
    public java.security.PrivateKey nodePrivateKey() {
        return node.privateKey();
    }

    /** @return the node certificate's public key */
    public java.security.PublicKey nodePublicKey() {
        return node.certificate().getPublicKey();
    }

    /** @return the JCA provider that signs and verifies SHA256withECDSA in this JVM */
    public static String signatureProvider() throws Exception {
        return Signature.getInstance("SHA256withECDSA").getProvider().getName();
    }

    /**
     * A challenge as the consensus service derives one for {@code type}: a random operation hash and nonce, the
     * node's identity, the challenge value hashed over them and the time.
     */
    public Challenge challenge(String type) {
        byte[] operationHash = new byte[ProofCodec.HASH_BYTES];
        byte[] nonce = new byte[ProofCodec.NONCE_BYTES];
        random.nextBytes(operationHash);
        random.nextBytes(nonce);
        return new Challenge(operationHash, identity, nonce,
                Hashes.challenge(type, operationHash, identity, nonce, System.currentTimeMillis()));
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
