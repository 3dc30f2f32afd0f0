package network.internet2.stoq.transport.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TCP connection, plain or JDK TLS 1.3, to a {@link TcpDiscardServer}. {@link #connect} returns once the
 * server has sent its "accepted" byte: after the TLS handshake on its side, so the client certificate was
 * checked, as a STOQ connect returns only once the server confirmed it accepted the client.
 */
final class SocketFlow implements Flow {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;

    private SocketFlow(Socket socket) {
        this.socket = socket;
    }

    /**
     * @param address the server, on [::1]
     * @param tls     the client's TLS context (TLS 1.3, with its client certificate), or null for plain TCP
     */
    static SocketFlow connect(InetSocketAddress address, SSLContext tls) throws IOException {
        Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
        try {
            // no Nagle: the handshake's flights would otherwise wait for delayed ACKs (tens of ms on loopback)
            socket.setTcpNoDelay(true);
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (socket instanceof SSLSocket ssl) {
                ssl.setEnabledProtocols(new String[] {TlsMaterial.PROTOCOL});
                ssl.startHandshake();
            }
            int accepted = socket.getInputStream().read();
            if (accepted != 0) {
                throw new IOException("the discard server at " + address + " did not accept the connection ("
                        + accepted + ")");
            }
            return new SocketFlow(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public long finish() throws IOException {
        // TLS 1.3: a close_notify that half-closes, the server can still answer
        socket.shutdownOutput();
        return new DataInputStream(socket.getInputStream()).readLong();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing an aborted socket: nothing left to release
        }
    }
}
