package network.internet2.trustchain.ca.cli.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import network.internet2.trustchain.ca.IssuedCertificate;
import network.internet2.trustchain.ca.RevocationReason;

public class SerialCompleterTest {

    @Test
    public void offersTheHexSerialsOfCertificatesNotYetRevoked() throws Exception {
        Instant now = Instant.now();
        X509Certificate certificate = TestCertificates.certificate("CN=node7.internet2.network", BigInteger.ONE,
                now, now.plusSeconds(600), false);
        List<IssuedCertificate> issued = List.of(
                new IssuedCertificate(new BigInteger("4abc", 16), certificate, List.of(), null, null),
                new IssuedCertificate(new BigInteger("4def", 16), certificate, List.of(), now,
                        RevocationReason.SUPERSEDED),
                new IssuedCertificate(new BigInteger("5a", 16), certificate, List.of(), null, null));
        assertEquals(List.of("4abc", "5a"), SerialCompleter.serials(issued));
        assertEquals(List.of(), SerialCompleter.serials(List.of()));
    }
}
