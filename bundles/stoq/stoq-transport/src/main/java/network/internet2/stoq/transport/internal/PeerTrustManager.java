package network.internet2.stoq.transport.internal;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.handler.ssl.util.SimpleTrustManagerFactory;
import network.internet2.stoq.HandshakeStep;
import network.internet2.stoq.PeerIdentity;
import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;

/**
 * Runs the {@link PeerCheck} for the peer's chain on both sides of the
 * handshake. The outcome is recorded on the {@link QuicConnection} the
 * {@link SSLEngine} belongs to: the peer identity on success, the refusal
 * (reason and detail) otherwise, so that the connecting caller gets a
 * {@link PeerRefusedException} with the reason instead of a bare TLS failure.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(PeerTrustManager.class);
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final PeerCheck check;
    private final Map<SSLEngine, QuicConnection> connections;
    private final TransportCounters counters;

    PeerTrustManager(PeerCheck check, Map<SSLEngine, QuicConnection> connections, TransportCounters counters) {
        this.check = Objects.requireNonNull(check, "check");
        this.connections = connections;
        this.counters = counters;
    }

    TrustManagerFactory factory() {
        TrustManager[] managers = {this};
        return new SimpleTrustManagerFactory() {
            @Override
            protected void engineInit(KeyStore keyStore) {
                // trust decisions come from the PeerCheck
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
                // trust decisions come from the PeerCheck
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return managers.clone();
            }
        };
    }

    private void verify(X509Certificate[] chain, SSLEngine engine, String role) throws CertificateException {
        QuicConnection connection = engine == null ? null : connections.get(engine);
        HandshakeRecorder trace = connection == null ? new HandshakeRecorder(HandshakeStep.Side.CLIENT)
                : connection.trace();
        if (chain == null || chain.length == 0) {
            long now = System.nanoTime();
            trace.step(PeerCheck.STEP, false, "the " + role + " sent no certificate", now, now);
            refuse(connection, new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT, "the " + role + " sent no certificate"));
        }
        try {
            PeerIdentity identity = check.check(List.of(chain), trace);
            if (identity == null) {
                throw new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT, "the peer check established no identity");
            }
            if (connection != null) {
                connection.peerVerified(identity);
            }
        } catch (PeerRefusedException e) {
            refuse(connection, e);
        } catch (RuntimeException e) {
            LOG.warn("The peer check failed on the {} certificate {}; the peer is refused. Fix the check: {}",
                    role, chain[0].getSubjectX500Principal(), e.toString(), e);
            long now = System.nanoTime();
            trace.step(PeerCheck.STEP, false, "the peer check failed: " + e, now, now);
            refuse(connection, new PeerRefusedException(RefusalReason.UNTRUSTED_ROOT,
                    "the peer check failed: " + e));
        }
    }

    private void refuse(QuicConnection connection, PeerRefusedException refusal) throws CertificateException {
        counters.refused(refusal);
        if (connection != null) {
            connection.refusedLocally(refusal);
        }
        throw new CertificateException(refusal.getMessage(), refusal);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, engine, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain, engine, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, null, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain, null, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, null, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, null, "server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
