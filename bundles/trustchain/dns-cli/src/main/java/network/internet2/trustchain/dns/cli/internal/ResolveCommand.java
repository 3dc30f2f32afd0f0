package network.internet2.trustchain.dns.cli.internal;

import java.net.Inet6Address;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.dns.NameResolutionException;
import network.internet2.trustchain.dns.NameService;

/** {@code dns:resolve}: a name to its IPv6 addresses, as every layer of the stack resolves it. */
@Service
@Command(scope = "dns", name = "resolve",
        description = "Resolves a name to its IPv6 addresses through the stack's own name service (the embedded "
                + "zone and its cache, never the operating system's resolver), printing each address and how "
                + "long the resolution took. A name that cannot be resolved fails the command with the reason "
                + "(NXDOMAIN, no address, ...).")
public class ResolveCommand implements Action {

    @Reference
    NameService names;

    @Argument(index = 0, name = "name", required = true,
            description = "Name to resolve, fully qualified with or without the trailing dot "
                    + "(stoq.internet2.network); a single label (stoq) is taken in the node's zone")
    @Completion(NameCompleter.class)
    String name;

    @Override
    public Object execute() throws Exception {
        String asked = qualified(name, names.zone());
        List<Inet6Address> addresses;
        long start = System.nanoTime();
        try {
            addresses = names.resolve(asked);
        } catch (NameResolutionException e) {
            throw new CommandException(e.getMessage() + " (after " + Format.micros(elapsedMicros(start)) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new CommandException("cannot resolve " + asked + ": " + e.getMessage(), e);
        }
        double micros = elapsedMicros(start);
        for (Inet6Address address : addresses) {
            System.out.println(Addresses.canonical(address));
        }
        System.out.println("Resolved " + asked + " to " + addresses.size()
                + (addresses.size() == 1 ? " address" : " addresses") + " in " + Format.micros(micros));
        return null;
    }

    private static double elapsedMicros(long start) {
        return (System.nanoTime() - start) / 1000.0;
    }

    /** @return {@code name} as given, or in {@code zone} if it is a single label without a dot */
    static String qualified(String name, String zone) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.contains(".")) {
            return text;
        }
        return Names.absolute(text, zone);
    }
}
