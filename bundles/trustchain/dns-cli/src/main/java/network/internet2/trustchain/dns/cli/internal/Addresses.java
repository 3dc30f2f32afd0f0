package network.internet2.trustchain.dns.cli.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/** IPv6 addresses as {@code dns:add} accepts them: literals only, never looked up in the DNS. */
final class Addresses {

    /** What an IPv6 literal is made of; anything else would make the JDK try a name lookup. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /**
     * Parses an IPv6 address literal ({@code 2001:db8::7}, optionally in brackets).
     * The text must contain a {@code :} and nothing but hexadecimal digits, colons
     * and dots; {@link InetAddress#getByName} is given it in brackets, so it parses it and never asks a resolver.
     *
     * @throws CommandException if the text is an IPv4 address, an IPv4-mapped
     *         IPv6 address ({@code ::ffff:192.0.2.1}), has a scope ({@code %eth0}),
     *         or is not an IPv6 address at all
     */
    static Inet6Address ipv6(String text) throws CommandException {
        String literal = text == null ? "" : text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (IPV4.matcher(literal).matches()) {
            throw new CommandException("'" + text + "' is an IPv4 address; the zone publishes IPv6 (AAAA) "
                    + "addresses only: give one such as 2001:db8::7");
        }
        if (literal.indexOf('%') >= 0) {
            throw new CommandException("'" + text + "' has a scope (%…); a published address cannot: give the "
                    + "address without it");
        }
        if (!literal.contains(":") || !IPV6_CHARACTERS.matcher(literal).matches()) {
            throw new CommandException("'" + text + "' is not an IPv6 address: give one such as 2001:db8::7 "
                    + "(host names are not looked up)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName("[" + literal + "]"); // bracketed: parsed, never resolved
        } catch (UnknownHostException e) {
            throw new CommandException("'" + text + "' is not an IPv6 address: give one such as 2001:db8::7", e);
        }
        if (address instanceof Inet4Address) {
            // the JDK turns ::ffff:a.b.c.d (and ::ffff:xxxx:xxxx) into the IPv4 address
            throw new CommandException("'" + text + "' is an IPv4-mapped address (" + address.getHostAddress()
                    + "); the zone publishes IPv6 addresses only");
        }
        return (Inet6Address) address;
    }

    /** @return {@code address} in the canonical text form of RFC 5952 (lower case, longest zero run as {@code ::}) */
    static String canonical(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
