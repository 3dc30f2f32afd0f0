package network.internet2.hypermesh.proof.stake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import network.internet2.hypermesh.proof.stake.StakeException;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * This node's staking keys, one pair per algorithm, in the storage folder:
 * {@code staking-<algorithm>.key} (the private key, PKCS#8 DER, mode 0600) and
 * {@code staking-<algorithm>.pub} (the public key, X.509 SubjectPublicKeyInfo
 * DER). A pair is generated through the crypto suite offering the algorithm
 * the first time it is needed, public file first, so a private key file never
 * exists without its public one. Keys of an earlier configured algorithm stay,
 * so accounts registered with them can still be used.
 */
final class StakingKeys {

    private static final Logger LOG = LoggerFactory.getLogger(StakingKeys.class);
    private static final byte[] PAIR_CHECK = "internet2.network/hypermesh/proof/stake/key-pair-check/v1"
            .getBytes(StandardCharsets.UTF_8);

    private final Path folder;
    private final Map<String, HeldKey> loaded = new HashMap<>();

    StakingKeys(Path folder) {
        this.folder = folder;
    }

    Path privateKeyFile(String algorithm) {
        return folder.resolve("staking-" + algorithm + ".key");
    }

    Path publicKeyFile(String algorithm) {
        return folder.resolve("staking-" + algorithm + ".pub");
    }

    /**
     * @return this node's key pair of {@code algorithm}, read from its files or
     *         generated (and written) now if there are none
     * @throws StakeException if no suite offers the algorithm, or the files are unusable
     */
    synchronized HeldKey current(String algorithm, Suites suites) throws StakeException {
        HeldKey key = loaded.get(algorithm);
        if (key != null) {
            return key;
        }
        CryptoSuite suite = suites.require(algorithm);
        key = Files.exists(privateKeyFile(algorithm)) ? load(algorithm, suite) : generate(algorithm, suite);
        loaded.put(algorithm, key);
        return key;
    }

    /**
     * @return this node's key pair whose public key is {@code publicKeyInfo},
     *         or {@code null} if this node does not hold it
     */
    synchronized HeldKey matching(String algorithm, byte[] publicKeyInfo, Suites suites) throws StakeException {
        if (!holds(algorithm, publicKeyInfo)) {
            return null;
        }
        return current(algorithm, suites);
    }

    /** @return whether this node holds the private key of {@code publicKeyInfo}; reads files, needs no suite */
    synchronized boolean holds(String algorithm, byte[] publicKeyInfo) {
        HeldKey key = loaded.get(algorithm);
        if (key != null) {
            return Arrays.equals(key.publicKeyInfo(), publicKeyInfo);
        }
        try {
            return Files.exists(privateKeyFile(algorithm))
                    && Arrays.equals(Files.readAllBytes(publicKeyFile(algorithm)), publicKeyInfo);
        } catch (IOException e) {
            return false; // reported when the key is loaded for use
        }
    }

    private HeldKey generate(String algorithm, CryptoSuite suite) throws StakeException {
        try {
            KeyPair pair = suite.generateKeyPair(algorithm);
            byte[] publicKeyInfo = pair.getPublic().getEncoded();
            OwnerOnlyFiles.folder(folder);
            OwnerOnlyFiles.replace(publicKeyFile(algorithm), publicKeyInfo);
            OwnerOnlyFiles.replace(privateKeyFile(algorithm), pair.getPrivate().getEncoded());
            HeldKey key = new HeldKey(algorithm, publicKeyInfo, pair.getPublic(), pair.getPrivate(),
                    Fingerprints.of(publicKeyInfo));
            LOG.info("Generated this node's {} staking key {} in {}", algorithm, key.fingerprint(), folder);
            return key;
        } catch (CryptoException e) {
            throw new StakeException("cannot generate a " + algorithm + " staking key with crypto suite " + suite.id()
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StakeException("cannot write the " + algorithm + " staking key to " + folder + ": "
                    + e.getMessage() + " (check the folder is writable)", e);
        }
    }

    private HeldKey load(String algorithm, CryptoSuite suite) throws StakeException {
        Path privateFile = privateKeyFile(algorithm);
        Path publicFile = publicKeyFile(algorithm);
        String cure = ": restore both from a backup, or remove both to have a new key generated (accounts "
                + "registered with the old key then cannot be used by this node any more)";
        byte[] publicKeyInfo;
        byte[] pkcs8;
        try {
            publicKeyInfo = Files.readAllBytes(publicFile);
            pkcs8 = Files.readAllBytes(privateFile);
        } catch (IOException e) {
            throw new StakeException("cannot read staking key files " + privateFile + " and " + publicFile + " ("
                    + e.getMessage() + ")" + cure, e);
        }
        try {
            PublicKey publicKey = suite.decodePublicKey(algorithm, publicKeyInfo);
            Pkcs8PrivateKey privateKey = new Pkcs8PrivateKey(algorithm, pkcs8);
            byte[] check = suite.sign(algorithm, privateKey, PAIR_CHECK);
            if (!suite.verify(algorithm, publicKey, PAIR_CHECK, check)) {
                throw new StakeException("staking key files " + privateFile + " and " + publicFile
                        + " do not hold the two halves of one key pair" + cure);
            }
            return new HeldKey(algorithm, publicKeyInfo, publicKey, privateKey, Fingerprints.of(publicKeyInfo));
        } catch (CryptoException e) {
            throw new StakeException("staking key files " + privateFile + " and " + publicFile + " do not hold a "
                    + "usable " + algorithm + " key pair (" + e.getMessage() + ")" + cure, e);
        }
    }
}
