package network.internet2.stoq.transport.internal;

import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.quic.QuicTokenHandler;

/**
 * Serves connections without a QUIC Retry round trip (no address-validation
 * token). QUIC's anti-amplification limit (3x the bytes received) still bounds
 * what the listener sends to an unvalidated address. A keyed (HMAC) token
 * handler that issues Retry under load is a later improvement.
 */
final class NoRetryTokenHandler implements QuicTokenHandler {

    static final NoRetryTokenHandler INSTANCE = new NoRetryTokenHandler();

    private NoRetryTokenHandler() {
    }

    @Override
    public boolean writeToken(ByteBuf out, ByteBuf dcid, InetSocketAddress address) {
        return false;
    }

    @Override
    public int validateToken(ByteBuf token, InetSocketAddress address) {
        return 0;
    }

    @Override
    public int maxTokenLength() {
        return 0;
    }
}
