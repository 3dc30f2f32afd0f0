package network.internet2.stoq.transport.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * JDK TLS 1.3 key and trust material from the test PKI's ECDSA P-256 certificates, in in-memory key stores.
 * Each {@link #newContext()} has its own session cache, so a client with a fresh context cannot resume a
 * session: every handshake with it is a full one. Key-exchange groups: the JDK's defaults (x25519 first).
 */
final class TlsMaterial {

    static final String PROTOCOL = "TLSv1.3";
    private static final char[] PASSWORD = "benchmark".toCharArray();

    private final KeyManager[] keys;
    private final TrustManager[] trust;

    private TlsMaterial(KeyManager[] keys, TrustManager[] trust) {
        this.keys = keys;
        this.trust = trust;
    }

    /** @param node the key and chain this side presents; @param root the only trusted root */
    static TlsMaterial of(NodeKeys node, X509Certificate root) throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("node", node.key(), PASSWORD, node.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("root", root);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trustStore);
        return new TlsMaterial(keyManagers.getKeyManagers(), trustManagers.getTrustManagers());
    }

    /** @return a new TLS 1.3 context with an empty session cache */
    SSLContext newContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance(PROTOCOL);
        context.init(keys, trust, null);
        return context;
    }
}
