package network.internet2.hypermesh.gpu.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PCI addresses as the driver files ({@code 0000:00:04.0}) and nvidia-smi
 * ({@code 00000000:00:04.0}) write them, brought to one form: lower-case hex,
 * the domain in four digits (more only where it needs them).
 */
final class PciBusId {

    private static final Pattern BUS_ID =
            Pattern.compile("([0-9a-fA-F]{1,8}):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])");

    private PciBusId() {
    }

    /**
     * @return the address in the common form
     * @throws IllegalArgumentException if it is not {@code domain:bus:device.function}
     */
    static String normalize(String text) {
        Matcher matcher = BUS_ID.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + Text.abbreviate(text)
                    + "' is not a PCI bus id (domain:bus:device.function, e.g. 0000:00:04.0)");
        }
        long domain = Long.parseLong(matcher.group(1), 16);
        return String.format(Locale.ROOT, "%04x:%s:%s.%s", domain, matcher.group(2), matcher.group(3),
                matcher.group(4)).toLowerCase(Locale.ROOT);
    }
}
