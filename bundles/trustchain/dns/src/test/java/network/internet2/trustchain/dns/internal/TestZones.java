package network.internet2.trustchain.dns.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.xbill.DNS.Name;

/** Builds the zones the tests answer from: the node's default zone, signed or not. */
final class TestZones {

    static final Inet6Address NODE = v6("fd00:1::1");
    static final Name ORIGIN = Name.fromConstantString("internet2.network.");

    private TestZones() {
    }

    static ZoneSettings settings() {
        return new ZoneSettings(ORIGIN, "node1", NODE, List.of("stoq", "ca", "ct", "dns", "api"), 300, 60);
    }

    static ZoneSigner signer(Clock clock) {
        return new ZoneSigner(ORIGIN, ecKey(), 300, Duration.ofDays(14), clock);
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Inet6Address v6(String literal) {
        try {
            return (Inet6Address) InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Name name(String text) {
        return Name.fromConstantString(text);
    }
}
