package network.internet2.trustchain.crypto.pq.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.bc.BCObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
import org.bouncycastle.jcajce.spec.MLKEMParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pqc.jcajce.provider.BouncyCastlePQCProvider;
import org.bouncycastle.pqc.jcajce.spec.FalconParameterSpec;
import org.osgi.service.component.annotations.Component;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;
import network.internet2.trustchain.crypto.Encapsulation;
import network.internet2.trustchain.crypto.UnsupportedAlgorithmException;
import network.internet2.trustchain.crypto.support.KeyType;
import network.internet2.trustchain.crypto.support.SignatureScheme;

/**
 * The post-quantum suite: FALCON-1024 and ML-DSA-87 signatures, ML-KEM-1024
 * encapsulation. Stateless apart from its own BouncyCastle provider instances
 * and random source, all thread-safe.
 */
@Component(service = CryptoSuite.class, property = CryptoSuite.SUITE_PROPERTY + "=" + CryptoSuite.POST_QUANTUM)
public final class PostQuantumCryptoSuite implements CryptoSuite {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignatureScheme> signatures;
    private final MlKem1024 mlKem;

    public PostQuantumCryptoSuite() {
        Provider bc = new BouncyCastleProvider();
        Provider bcpqc = new BouncyCastlePQCProvider();
        signatures = Map.of(
                Algorithms.FALCON_1024, new SignatureScheme(new KeyType(POST_QUANTUM, Algorithms.FALCON_1024, bcpqc,
                        "Falcon-1024", FalconParameterSpec.falcon_1024, BCObjectIdentifiers.falcon_1024, null),
                        "Falcon-1024"),
                Algorithms.ML_DSA_87, new SignatureScheme(new KeyType(POST_QUANTUM, Algorithms.ML_DSA_87, bc,
                        "ML-DSA-87", MLDSAParameterSpec.ml_dsa_87, NISTObjectIdentifiers.id_ml_dsa_87, null),
                        "ML-DSA-87"));
        mlKem = new MlKem1024(new KeyType(POST_QUANTUM, Algorithms.ML_KEM_1024, bc, "ML-KEM-1024",
                MLKEMParameterSpec.ml_kem_1024, NISTObjectIdentifiers.id_alg_ml_kem_1024, null), random);
    }

    @Override
    public String id() {
        return POST_QUANTUM;
    }

    @Override
    public Set<String> signatureAlgorithms() {
        return signatures.keySet();
    }

    @Override
    public Set<String> kemAlgorithms() {
        return Set.of(Algorithms.ML_KEM_1024);
    }

    @Override
    public KeyPair generateKeyPair(String algorithm) throws CryptoException {
        return keyType(algorithm).generateKeyPair(random);
    }

    @Override
    public byte[] sign(String algorithm, PrivateKey key, byte[] data) throws CryptoException {
        return signature(algorithm).sign(key, data, random);
    }

    @Override
    public boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) throws CryptoException {
        return signature(algorithm).verify(key, data, signature);
    }

    @Override
    public Encapsulation encapsulate(String algorithm, PublicKey recipient) throws CryptoException {
        return kem(algorithm).encapsulate(recipient);
    }

    @Override
    public byte[] decapsulate(String algorithm, PrivateKey key, byte[] encapsulation) throws CryptoException {
        return kem(algorithm).decapsulate(key, encapsulation);
    }

    @Override
    public PublicKey decodePublicKey(String algorithm, byte[] subjectPublicKeyInfo) throws CryptoException {
        return keyType(algorithm).decodePublicKey(subjectPublicKeyInfo);
    }

    private SignatureScheme signature(String algorithm) throws UnsupportedAlgorithmException {
        SignatureScheme scheme = algorithm == null ? null : signatures.get(algorithm);
        if (scheme == null) {
            throw new UnsupportedAlgorithmException(POST_QUANTUM, algorithm);
        }
        return scheme;
    }

    private MlKem1024 kem(String algorithm) throws UnsupportedAlgorithmException {
        if (!Algorithms.ML_KEM_1024.equals(algorithm)) {
            throw new UnsupportedAlgorithmException(POST_QUANTUM, algorithm);
        }
        return mlKem;
    }

    private KeyType keyType(String algorithm) throws UnsupportedAlgorithmException {
        return Algorithms.ML_KEM_1024.equals(algorithm) ? mlKem.keys() : signature(algorithm).keys();
    }
}
