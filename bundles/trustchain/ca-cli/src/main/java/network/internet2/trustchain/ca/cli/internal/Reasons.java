package network.internet2.trustchain.ca.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.support.CommandException;

import network.internet2.trustchain.ca.RevocationReason;

/** Revocation reasons as the commands show and accept them: {@code keyCompromise}, {@code superseded}, … */
final class Reasons {

    private Reasons() {
    }

    /** @return the reason in camel case ({@code KEY_COMPROMISE} is {@code keyCompromise}) */
    static String name(RevocationReason reason) {
        StringBuilder name = new StringBuilder();
        for (String word : reason.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** @return every reason's name, in the order of their RFC 5280 codes */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (RevocationReason reason : RevocationReason.values()) {
            names.add(name(reason));
        }
        return names;
    }

    /**
     * Parses a reason as {@link RevocationReason#parse(String)} does (any case,
     * with or without {@code -} and {@code _}, or its code).
     *
     * @throws CommandException listing the accepted names
     */
    static RevocationReason parse(String text) throws CommandException {
        try {
            return RevocationReason.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new CommandException("unknown revocation reason '" + text + "': use one of "
                    + String.join(", ", names()), e);
        }
    }
}
