package network.internet2.stoq.transport.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;

/** A bidirectional STOQ stream to the peer's {@link DiscardService}. */
final class StoqFlow implements Flow {

    private final StoqStream stream;

    private StoqFlow(StoqStream stream) {
        this.stream = stream;
    }

    static StoqFlow open(StoqConnection connection) throws StoqException {
        return new StoqFlow(connection.openStream(DiscardService.NAME));
    }

    @Override
    public OutputStream output() {
        return stream.output();
    }

    @Override
    public long finish() throws IOException {
        stream.output().close();
        return new DataInputStream(stream.input()).readLong();
    }

    @Override
    public void close() {
        stream.close();
    }
}
