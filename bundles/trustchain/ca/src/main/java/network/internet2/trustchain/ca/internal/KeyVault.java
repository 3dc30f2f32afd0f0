package network.internet2.trustchain.ca.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Private keys on disk: PKCS#8 encrypted with PBES2 (PBKDF2, AES-256-CBC)
 * under the CA's passphrase, PEM-encoded, mode 0600.
 */
final class KeyVault {

    private static final int PBKDF2_ITERATIONS = 200_000;

    private final char[] passphrase;
    private final Provider provider = new BouncyCastleProvider();

    KeyVault(char[] passphrase) {
        this.passphrase = passphrase.clone();
    }

    void store(Path file, PrivateKey key) throws IOException {
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new JcaPKCS8EncryptedPrivateKeyInfoBuilder(key).build(
                    new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setProvider(provider).setIterationCount(PBKDF2_ITERATIONS).build(passphrase));
            StringWriter pem = new StringWriter();
            try (PemWriter writer = new PemWriter(pem)) {
                writer.writeObject(new PemObject("ENCRYPTED PRIVATE KEY", encrypted.getEncoded()));
            }
            SecureFiles.writeAtomically(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (OperatorCreationException e) {
            throw new IOException("cannot encrypt private key for " + file + ": " + e.getMessage(), e);
        }
    }

    PrivateKey load(Path file) throws IOException {
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            pem = reader.readPemObject();
        }
        if (pem == null || !"ENCRYPTED PRIVATE KEY".equals(pem.getType())) {
            throw new IOException(file + " does not hold an encrypted private key");
        }
        try {
            PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(pem.getContent()).decryptPrivateKeyInfo(
                    new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(provider).build(passphrase));
            return new JcaPEMKeyConverter().setProvider(provider).getPrivateKey(info);
        } catch (PKCSException e) {
            throw new IOException("cannot decrypt " + file + " (wrong passphrase file?): " + e.getMessage(), e);
        }
    }
}
