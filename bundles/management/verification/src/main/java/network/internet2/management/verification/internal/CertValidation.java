package network.internet2.management.verification.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import network.internet2.stoq.HandshakeStep;
import network.internet2.stoq.HandshakeTrace;
import network.internet2.stoq.StoqConnection;
import network.internet2.stoq.StoqException;
import network.internet2.stoq.StoqStream;
import network.internet2.stoq.StoqTransport;

/**
 * One run of the certificate-validation check: a new STOQ connection by name to the node's own listener, every
 * validation step the transport reports for it (both ends, as the node is both), then random bytes over a stream to
 * the {@link EchoService}, compared when they come back; the connection is closed at the end.
 */
final class CertValidation {

    /** How many random bytes go to the echo service. */
    static final int ECHO_BYTES = 1024;
    /** The step of the transport's own failure when it recorded no failing step. */
    static final String CONNECTION_STEP = "stoq-connection";
    static final String ECHO_STEP = "echo-stream";

    private final ScheduledExecutorService watchdog;
    private final long echoTimeoutMillis;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param watchdog          closes the connection if the echo takes longer than {@code echoTimeoutMillis}, so a
     *                          silent peer cannot hold a request forever
     * @param echoTimeoutMillis the longest the echo may take
     */
    CertValidation(ScheduledExecutorService watchdog, long echoTimeoutMillis) {
        this.watchdog = watchdog;
        this.echoTimeoutMillis = echoTimeoutMillis;
    }

    CertValidationReport run(StoqTransport transport, String target, int port) {
        long start = System.nanoTime();
        List<VerificationStep> steps = new ArrayList<>();
        StoqConnection connection;
        try {
            connection = transport.connectNew(target, port);
        } catch (StoqException e) {
            HandshakeTrace trace = e.handshakeTrace().orElse(HandshakeTrace.EMPTY);
            add(steps, trace);
            if (trace.firstFailure().isEmpty()) {
                steps.add(new VerificationStep(CONNECTION_STEP, VerificationStep.NODE, false, e.getMessage(),
                        System.nanoTime() - start));
            }
            return new CertValidationReport(target, port, steps, System.nanoTime() - start);
        } catch (RuntimeException e) {
            steps.add(new VerificationStep(CONNECTION_STEP, VerificationStep.NODE, false,
                    "the STOQ transport failed: " + e, System.nanoTime() - start));
            return new CertValidationReport(target, port, steps, System.nanoTime() - start);
        }
        try {
            add(steps, connection.handshakeTrace());
            steps.add(echo(connection));
        } finally {
            connection.close();
        }
        return new CertValidationReport(target, port, steps, System.nanoTime() - start);
    }

    private static void add(List<VerificationStep> steps, HandshakeTrace trace) {
        for (HandshakeStep step : trace.steps()) {
            steps.add(VerificationStep.of(step));
        }
    }

    private VerificationStep echo(StoqConnection connection) {
        byte[] sent = new byte[ECHO_BYTES];
        random.nextBytes(sent);
        long start = System.nanoTime();
        ScheduledFuture<?> guard = watchdog.schedule(connection::close, echoTimeoutMillis, TimeUnit.MILLISECONDS);
        try (StoqStream stream = connection.openStream(EchoService.NAME)) {
            stream.output().write(sent);
            stream.output().close();
            byte[] back = stream.input().readNBytes(ECHO_BYTES + 1);
            long nanos = System.nanoTime() - start;
            if (!Arrays.equals(sent, back)) {
                return new VerificationStep(ECHO_STEP, VerificationStep.NODE, false, "sent " + ECHO_BYTES
                        + " random bytes to service '" + EchoService.NAME + "', got " + back.length
                        + (back.length == ECHO_BYTES ? " different bytes" : " bytes") + " back", nanos);
            }
            return new VerificationStep(ECHO_STEP, VerificationStep.NODE, true, ECHO_BYTES + " random bytes came "
                    + "back unchanged from service '" + EchoService.NAME + "' over a new stream", nanos);
        } catch (IOException e) {
            String why = guard.isDone() ? "no echo within " + echoTimeoutMillis + " ms (" + e.getMessage() + ")"
                    : e.getMessage();
            return new VerificationStep(ECHO_STEP, VerificationStep.NODE, false, "the echo over service '"
                    + EchoService.NAME + "' failed: " + why, System.nanoTime() - start);
        } finally {
            guard.cancel(false);
        }
    }
}
