package network.internet2.management.verification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Where the embedded DNS server listens and which names it must answer, read from its service properties (its
 * configuration: {@code bind.address}, {@code port}, {@code zone}, {@code node.name}, {@code service.names}, with
 * the node's shared configuration winning for the names).
 *
 * @param server   the address to ask: the bind address, or {@code [::1]} when the server binds every interface
 * @param zone     the zone apex, absolute
 * @param node     the node's own name, absolute
 * @param services the node's service names, absolute
 */
record DnsTarget(InetSocketAddress server, Name zone, Name node, List<Name> services) {

    DnsTarget {
        services = List.copyOf(services);
    }

    /**
     * @param properties the DNS server's service properties
     * @throws IllegalArgumentException naming the property that is missing or malformed
     */
    static DnsTarget fromProperties(Map<String, ?> properties) {
        InetAddress bind = ipv6(text(properties, "bind.address"));
        if (bind.isAnyLocalAddress()) {
            bind = ipv6("::1");
        }
        int port = port(properties.get("port"));
        Name zone = name(text(properties, "zone"), Name.root, "zone");
        Name node = name(text(properties, "node.name"), zone, "node.name");
        List<Name> services = new ArrayList<>();
        for (String service : texts(properties.get("service.names"))) {
            services.add(name(service, zone, "service.names"));
        }
        return new DnsTarget(new InetSocketAddress(bind, port), zone, node, services);
    }

    private static String text(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("the DNS server's configuration has no " + key);
        }
        return String.valueOf(value).strip();
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String[] array) {
            texts.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> texts.add(String.valueOf(item)));
        } else if (value != null) {
            texts.addAll(List.of(String.valueOf(value).split(",")));
        }
        return texts.stream().map(String::strip).filter(text -> !text.isEmpty()).toList();
    }

    private static int port(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("the DNS server's configuration has no port");
        }
        int port;
        try {
            port = value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the DNS server's port '" + value + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the DNS server's port " + port + " cannot be asked (1..65535)");
        }
        return port;
    }

    /** Parses an IPv6 literal; never a name lookup (in brackets the JDK parses a literal or fails). */
    private static InetAddress ipv6(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!literal.contains(":")) {
            throw new IllegalArgumentException("the DNS server's bind.address '" + text + "' is not an IPv6 address");
        }
        try {
            InetAddress address = InetAddress.getByName("[" + literal + "]");
            if (address instanceof Inet4Address || !(address instanceof Inet6Address)) {
                throw new IllegalArgumentException("the DNS server's bind.address '" + text + "' is IPv4-mapped");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the DNS server's bind.address '" + text + "' is not an IPv6 address");
        }
    }

    private static Name name(String text, Name origin, String key) {
        try {
            return Name.fromString(text, origin);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("the DNS server's " + key + " '" + text + "' is not a DNS name: "
                    + e.getMessage());
        }
    }
}
