package network.internet2.management.config.toml.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * An IPv6 address literal to listen on ({@code ::}, {@code ::1}, {@code 2001:db8::1});
 * the node is IPv6 only, so IPv4 and IPv4-mapped addresses are refused, and no
 * host name is ever looked up. Brackets are allowed and dropped.
 */
final class Ipv6AddressKind implements ValueKind {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    @Override
    public String toProperty(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("must be " + describe() + ", not " + ValueKind.given(value));
        }
        return literal(value.textValue());
    }

    /** @return the address as written, without brackets, once it is known to be an IPv6 literal */
    static String literal(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (IPV4.matcher(literal).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is an IPv4 address; the node is IPv6 only "
                    + "(use :: for every interface or ::1 for this host)");
        }
        if (literal.indexOf(':') < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IPv6 address literal (host names are "
                    + "not looked up; use :: for every interface or ::1 for this host)");
        }
        InetAddress address;
        try {
            // in brackets the JDK parses a literal or fails; it never asks a resolver
            address = InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid IPv6 address", e);
        }
        // the JDK turns ::ffff:a.b.c.d into an Inet4Address; ::a.b.c.d (IPv4-compatible) stays IPv6, but
        // :: and ::1 lie in that range too
        if (address instanceof Inet4Address || ((Inet6Address) address).isIPv4CompatibleAddress()
                && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("\"" + text + "\" is an IPv4-mapped address; the node is IPv6 only");
        }
        return literal;
    }

    /** @return whether the two literals (already checked) name the same address or one is the wildcard */
    static boolean overlap(String one, String other) {
        try {
            InetAddress a = InetAddress.getByName("[" + one + "]");
            InetAddress b = InetAddress.getByName("[" + other + "]");
            return a.equals(b) || a.isAnyLocalAddress() || b.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not IPv6 literals: " + one + ", " + other, e);
        }
    }

    @Override
    public JsonNode toToml(Object property) {
        TextNode node = TextNode.valueOf(String.valueOf(property).strip());
        toProperty(node);
        return node;
    }

    @Override
    public String describe() {
        return "an IPv6 address literal, such as \"::\" or \"::1\"";
    }
}
