package network.internet2.stoq.transport.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;

import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/**
 * {@code stoq.discard}: reads a stream to its end, throws the bytes away and
 * answers how many arrived (8 bytes, big-endian) — the far end of
 * {@code stoq:bench} and of throughput measurements, as the discard protocol
 * (RFC 863) is for TCP. Only authenticated peers reach it, as every service.
 */
@Component(property = StoqService.SERVICE_PROPERTY + "=" + DiscardService.NAME)
public class DiscardService implements StoqService {

    static final String NAME = "stoq.discard";

    @Override
    public void accept(StoqStream stream) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        InputStream in = stream.input();
        for (int read; (read = in.read(buffer)) >= 0;) {
            total += read;
        }
        if (stream.bidirectional()) {
            DataOutputStream out = new DataOutputStream(stream.output());
            out.writeLong(total);
            out.close();
        }
    }
}
