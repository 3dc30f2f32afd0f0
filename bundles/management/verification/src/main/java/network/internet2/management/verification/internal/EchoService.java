package network.internet2.management.verification.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;

import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqService;
import network.internet2.stoq.StoqStream;

/**
 * {@value #NAME}: sends back what a stream brings, up to {@value #MAX_BYTES} bytes — the far end of
 * {@code /test-cert-validation}. Bounded so that it can never be used to reflect bulk traffic; only peers whose
 * certificates passed the handshake reach it, as every STOQ service.
 */
@Component(property = StoqService.SERVICE_PROPERTY + "=" + EchoService.NAME)
public class EchoService implements StoqService {

    static final String NAME = "internet2.verification.echo";
    static final int MAX_BYTES = 64 * 1024;

    @Override
    public void accept(StoqStream stream) throws IOException {
        if (!stream.bidirectional()) {
            throw new StoqException("the echo service needs a bidirectional stream to answer on");
        }
        InputStream in = stream.input();
        byte[] received = in.readNBytes(MAX_BYTES);
        if (in.read() >= 0) {
            throw new StoqException("the echo service answers at most " + MAX_BYTES + " bytes; the stream brought more");
        }
        stream.output().write(received);
        stream.output().close();
    }
}
