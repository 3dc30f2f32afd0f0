package network.internet2.trustchain.ct.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import network.internet2.trustchain.crypto.Algorithms;
import network.internet2.trustchain.crypto.CryptoException;
import network.internet2.trustchain.crypto.CryptoSuite;

/**
 * The log's two keys: ECDSA P-256 (what RFC 6962 verifiers check; the log ID
 * is the SHA-256 of its public key) and FALCON-1024 (the post-quantum
 * co-signature, through the {@code crypto-pq} suite). Created on first start,
 * kept in {@code log-keys} (mode 0600) as Base64 PKCS#8 and X.509 lines.
 */
final class LogKeys {

    private final KeyPair ecdsa;
    private final KeyPair falcon;
    private final CryptoSuite postQuantum;
    private final byte[] logId;

    private LogKeys(KeyPair ecdsa, KeyPair falcon, CryptoSuite postQuantum) throws GeneralSecurityException {
        this.ecdsa = ecdsa;
        this.falcon = falcon;
        this.postQuantum = postQuantum;
        this.logId = MessageDigest.getInstance("SHA-256").digest(ecdsa.getPublic().getEncoded());
    }

    static LogKeys loadOrCreate(Path file, CryptoSuite postQuantum) throws IOException {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                if (lines.size() < 4) {
                    throw new GeneralSecurityException("expected four lines, found " + lines.size());
                }
                Base64.Decoder base64 = Base64.getDecoder();
                KeyFactory ec = KeyFactory.getInstance("EC");
                KeyPair ecdsa = new KeyPair(ec.generatePublic(new X509EncodedKeySpec(base64.decode(lines.get(1)))),
                        ec.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(lines.get(0)))));
                KeyPair falcon = new KeyPair(
                        postQuantum.decodePublicKey(Algorithms.FALCON_1024, base64.decode(lines.get(3))),
                        new JcaPEMKeyConverter().setProvider(new BouncyCastleProvider())
                                .getPrivateKey(PrivateKeyInfo.getInstance(base64.decode(lines.get(2)))));
                return new LogKeys(ecdsa, falcon, postQuantum);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair ecdsa = generator.generateKeyPair();
            KeyPair falcon = postQuantum.generateKeyPair(Algorithms.FALCON_1024);
            Base64.Encoder base64 = Base64.getEncoder();
            String text = base64.encodeToString(ecdsa.getPrivate().getEncoded()) + "\n"
                    + base64.encodeToString(ecdsa.getPublic().getEncoded()) + "\n"
                    + base64.encodeToString(falcon.getPrivate().getEncoded()) + "\n"
                    + base64.encodeToString(falcon.getPublic().getEncoded()) + "\n";
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            try (var channel = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new LogKeys(ecdsa, falcon, postQuantum);
        } catch (GeneralSecurityException | CryptoException | IllegalArgumentException e) {
            throw new IOException("the CT log keys in " + file + " are unusable (" + e.getMessage() + ")", e);
        }
    }

    byte[] logId() {
        return logId.clone();
    }

    byte[] ecdsaPublicKey() {
        return ecdsa.getPublic().getEncoded();
    }

    byte[] falconPublicKey() {
        return falcon.getPublic().getEncoded();
    }

    /** @return the DER ECDSA signature (SHA-256) of {@code data} */
    byte[] signEcdsa(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(ecdsa.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed: " + e.getMessage(), e);
        }
    }

    boolean verifyEcdsa(byte[] data, byte[] der) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(ecdsa.getPublic());
            signature.update(data);
            return signature.verify(der);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    byte[] signFalcon(byte[] data) throws CryptoException {
        return postQuantum.sign(Algorithms.FALCON_1024, falcon.getPrivate(), data);
    }

    boolean verifyFalcon(byte[] data, byte[] signature) {
        try {
            return postQuantum.verify(Algorithms.FALCON_1024, falcon.getPublic(), data, signature);
        } catch (CryptoException e) {
            return false;
        }
    }
}
