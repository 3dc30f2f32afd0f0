package network.internet2.trustchain.ca.cli.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/** Certificate serials as the commands show and accept them: hexadecimal. */
final class Serials {

    /** RFC 5280, section 4.1.2.2: a serial is at most 20 octets. */
    private static final int MAX_BITS = 160;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private Serials() {
    }

    /** @return the serial in lower-case hexadecimal, as {@code trustchain:list} shows it */
    static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /**
     * Parses a serial given in hexadecimal, optionally with a {@code 0x} prefix or
     * with colons between the octets (as {@code openssl x509 -serial} and
     * {@code keytool} print them).
     *
     * @throws CommandException naming what is wrong with the text
     */
    static BigInteger parse(String text) throws CommandException {
        String digits = text == null ? "" : text.trim();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replace(":", "");
        if (!HEX.matcher(digits).matches()) {
            throw new CommandException("'" + text + "' is not a certificate serial: give it in hexadecimal, "
                    + "as trustchain:list shows it");
        }
        BigInteger serial = new BigInteger(digits, 16);
        if (serial.bitLength() > MAX_BITS) {
            throw new CommandException("'" + text + "' is not a certificate serial: it is longer than the 20 octets "
                    + "a serial may have");
        }
        return serial;
    }
}
