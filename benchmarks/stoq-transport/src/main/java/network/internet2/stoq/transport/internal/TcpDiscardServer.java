package network.internet2.stoq.transport.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The baselines' far end: a discard server on [::1] (RFC 863 style) over plain TCP or JDK TLS 1.3 with a
 * required client certificate. Per connection: the TLS handshake, one byte 0 ("accepted"), then it reads to
 * the end and answers the byte count, 8 bytes big-endian, as {@link DiscardService} does on STOQ.
 * Connections are served by a pool of reused threads, so a handshake does not pay for a thread start.
 */
final class TcpDiscardServer implements AutoCloseable {

    private static final int BACKLOG = 256;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(BenchThreads.daemon("discard-tcp"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpDiscardServer(ServerSocket server, String name) {
        this.server = server;
        this.acceptor = BenchThreads.daemon(name + "-accept").newThread(this::acceptUntilClosed);
    }

    /** A plain TCP discard server on an ephemeral port of [::1]. */
    static TcpDiscardServer plain(InetAddress loopback) throws IOException {
        return start(new ServerSocket(0, BACKLOG, loopback), "tcp");
    }

    /** A TLS 1.3 discard server on an ephemeral port of [::1] that requires a client certificate. */
    static TcpDiscardServer tls(InetAddress loopback, SSLContext context) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, BACKLOG, loopback);
        server.setEnabledProtocols(new String[] {TlsMaterial.PROTOCOL});
        server.setNeedClientAuth(true);
        return start(server, "tls");
    }

    private static TcpDiscardServer start(ServerSocket socket, String name) {
        TcpDiscardServer server = new TcpDiscardServer(socket, name);
        server.acceptor.start();
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Runs until {@link #close()} closes the server socket, which ends the blocking accept. */
    private void acceptUntilClosed() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("discard server: accept failed: " + e);
                }
                return;
            }
            open.add(socket);
            handlers.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            if (socket instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            OutputStream out = socket.getOutputStream();
            out.write(0);
            out.flush();
            long received = discard(socket.getInputStream());
            DataOutputStream answer = new DataOutputStream(out);
            answer.writeLong(received);
            answer.flush();
        } catch (SocketException e) {
            // the client closed first: a handshake measurement, or an aborted round
        } catch (IOException e) {
            if (!closed) {
                System.err.println("discard server: " + e);
            }
        } finally {
            open.remove(socket);
        }
    }

    /** Reads to the end; every read is bounded by the socket's read timeout. */
    private static long discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) >= 0;) {
            total += read;
        }
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        handlers.shutdown();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
        acceptor.join(5_000);
    }
}
