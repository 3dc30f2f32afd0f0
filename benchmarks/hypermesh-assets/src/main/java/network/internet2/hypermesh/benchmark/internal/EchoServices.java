package network.internet2.hypermesh.benchmark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import network.internet2.hypermesh.remote.RemoteMemory;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/** Raw STOQ services on node A, the transport's share of a remote memory operation. */
final class EchoServices {

    /** One request per stream: sends back what it received, then finishes the stream. */
    static final String ECHO = "bench.echo";
    /** Many round trips on one stream: sends back every {@link #FRAME} bytes it receives, until the peer finishes. */
    static final String PING_PONG = "bench.pingpong";
    static final int FRAME = 4096;
    /** One upload per stream: reads everything, answers one byte (what a remote write moves). */
    static final String SINK = "bench.sink";
    /** One download per stream: reads a 4-byte length, sends that many bytes (what a remote read moves). */
    static final String SOURCE = "bench.source";

    private EchoServices() {
    }

    static StoqService echo() {
        return stream -> {
            byte[] received = stream.input().readNBytes(RemoteMemory.MAX_TRANSFER + 1);
            if (received.length > RemoteMemory.MAX_TRANSFER) {
                throw new IOException("an echo request is at most " + RemoteMemory.MAX_TRANSFER + " bytes");
            }
            OutputStream out = stream.output();
            out.write(received);
            out.close();
        };
    }

    static StoqService sink() {
        return stream -> {
            InputStream in = stream.input();
            byte[] buffer = new byte[64 * 1024];
            long received = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received += n;
                if (received > RemoteMemory.MAX_TRANSFER) {
                    throw new IOException("an upload is at most " + RemoteMemory.MAX_TRANSFER + " bytes");
                }
            }
            OutputStream out = stream.output();
            out.write(1);
            out.close();
        };
    }

    static StoqService source() {
        byte[] content = new byte[RemoteMemory.MAX_TRANSFER];
        new java.util.Random(5).nextBytes(content);
        return stream -> {
            byte[] request = stream.input().readNBytes(Integer.BYTES + 1);
            if (request.length != Integer.BYTES) {
                throw new IOException("a download request is a 4-byte length");
            }
            int length = java.nio.ByteBuffer.wrap(request).getInt();
            if (length < 0 || length > content.length) {
                throw new IOException("a download is 0 to " + content.length + " bytes, not " + length);
            }
            OutputStream out = stream.output();
            out.write(content, 0, length);
            out.close();
        };
    }

    static StoqService pingPong() {
        return (StoqStream stream) -> {
            InputStream in = stream.input();
            OutputStream out = stream.output();
            byte[] frame = new byte[FRAME];
            while (in.readNBytes(frame, 0, FRAME) == FRAME) {
                out.write(frame);
            }
            out.close();
        };
    }
}
