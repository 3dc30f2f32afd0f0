package network.internet2.stoq.transport.internal;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import io.netty.handler.ssl.util.SimpleKeyManagerFactory;

/**
 * A key manager that asks its {@code Supplier<NodeKeys>} at every handshake, so
 * renewed key material is used by the next connection without rebuilding the
 * TLS context.
 *
 * <p>TLS asks for an alias first and then for the chain and the key under that
 * alias in separate calls. So that a renewal between those calls cannot pair a
 * new certificate with an old key, each supplied {@link NodeKeys} instance gets
 * its own alias and the chain and key are served from that snapshot. The last
 * few snapshots are kept for handshakes still in flight.
 */
final class NodeKeyManager extends X509ExtendedKeyManager {

    private static final int KEPT_SNAPSHOTS = 4;

    private final Supplier<NodeKeys> supplier;
    private final Map<String, NodeKeys> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile NodeKeys current;
    private volatile String currentAlias;

    NodeKeyManager(Supplier<NodeKeys> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    /** @return a key manager factory serving this key manager, as Netty's QUIC TLS context wants one */
    KeyManagerFactory factory() {
        KeyManager[] managers = {this};
        return new SimpleKeyManagerFactory() {
            @Override
            protected void engineInit(KeyStore keyStore, char[] password) {
                // the key material comes from the supplier
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
                // the key material comes from the supplier
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return managers.clone();
            }
        };
    }

    /** @return the alias of the node keys the supplier gives now, or null if it gives none */
    private synchronized String aliasOfCurrentKeys() {
        NodeKeys keys;
        try {
            keys = supplier.get();
        } catch (RuntimeException e) {
            return null;
        }
        if (keys == null) {
            return null;
        }
        if (keys == current) {
            return currentAlias;
        }
        String alias = "stoq-node-" + generation.incrementAndGet();
        snapshots.put(alias, keys);
        snapshots.remove("stoq-node-" + (generation.get() - KEPT_SNAPSHOTS));
        current = keys;
        currentAlias = alias;
        return alias;
    }

    private static boolean matches(String keyType, PrivateKey key) {
        String algorithm = key.getAlgorithm();
        if (keyType == null) {
            return true;
        }
        if ("EC".equals(algorithm) || "RSA".equals(algorithm)) {
            // Netty asks with JSSE key types such as EC, EC_EC, RSA, DH_RSA.
            return keyType.equals(algorithm) || keyType.startsWith(algorithm + "_");
        }
        return true;
    }

    private String serverAlias(String keyType) {
        String alias = aliasOfCurrentKeys();
        if (alias == null) {
            return null;
        }
        NodeKeys keys = snapshots.get(alias);
        return keys != null && matches(keyType, keys.key()) ? alias : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return serverAlias(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return serverAlias(keyType);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasOfCurrentKeys();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasOfCurrentKeys();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        String alias = aliasOfCurrentKeys();
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = serverAlias(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        NodeKeys keys = alias == null ? null : snapshots.get(alias);
        return keys == null ? null : keys.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        NodeKeys keys = alias == null ? null : snapshots.get(alias);
        return keys == null ? null : keys.key();
    }
}
