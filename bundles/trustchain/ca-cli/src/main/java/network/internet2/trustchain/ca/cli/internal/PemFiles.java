package network.internet2.trustchain.ca.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/**
 * Reads certification requests from files and writes certificates as PEM
 * (RFC 7468). Every problem becomes a {@link CommandException} whose message
 * names the file and what is wrong with it.
 */
final class PemFiles {

    /** Far above any CSR (a hybrid one with a FALCON-1024 key is about 4 KiB of PEM). */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private static final Set<String> REQUEST_LABELS = Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final byte DER_SEQUENCE = 0x30;

    private PemFiles() {
    }

    /**
     * Resolves a path the user typed: {@code ~/} is the user's home, a relative
     * path is relative to the node's working directory (as Karaf's file completion shows).
     */
    static Path resolve(String path) {
        String expanded = path.equals("~") || path.startsWith("~/")
                ? System.getProperty("user.home") + path.substring(1) : path;
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    /**
     * Reads a PKCS#10 request from a PEM file ({@code CERTIFICATE REQUEST} or
     * {@code NEW CERTIFICATE REQUEST}); a file of raw DER is accepted too.
     *
     * @return the DER encoding of the first request in the file
     * @throws CommandException if the file cannot be read or holds no request
     */
    static byte[] readCertificationRequest(Path file) throws CommandException {
        if (Files.isDirectory(file)) {
            throw new CommandException(file + " is a directory, not a certificate request file");
        }
        byte[] content;
        try {
            if (Files.size(file) > MAX_REQUEST_BYTES) {
                throw new CommandException(file + " is too large (" + Files.size(file)
                        + " bytes) to be a certificate request");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new CommandException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return decodeCertificationRequest(content, file.toString());
    }

    /**
     * Finds the first certification request in a file's content.
     *
     * @param content the file's bytes: PEM text, or DER
     * @param source  what to call the content in messages (the file name)
     */
    static byte[] decodeCertificationRequest(byte[] content, String source) throws CommandException {
        if (content.length == 0) {
            throw new CommandException(source + " is empty; expected a PEM certificate request "
                    + "(-----BEGIN CERTIFICATE REQUEST-----)");
        }
        // ISO-8859-1 maps every byte to one char, so that binary content cannot fail to decode
        String text = new String(content, StandardCharsets.ISO_8859_1);
        Matcher begin = BEGIN.matcher(text);
        List<String> otherLabels = new ArrayList<>();
        while (begin.find()) {
            String label = begin.group(1);
            if (REQUEST_LABELS.contains(label)) {
                return body(text, begin.end(), label, source);
            }
            otherLabels.add(label);
        }
        if (!otherLabels.isEmpty()) {
            throw new CommandException(source + " holds PEM " + String.join(", ", otherLabels)
                    + ", not a CERTIFICATE REQUEST");
        }
        if (content[0] == DER_SEQUENCE) {
            return content.clone(); // DER; the CA checks that it is a well-formed request
        }
        throw new CommandException(source + " is not a certificate request: no "
                + "-----BEGIN CERTIFICATE REQUEST----- line in it");
    }

    private static byte[] body(String text, int start, String label, String source) throws CommandException {
        String endMarker = "-----END " + label + "-----";
        int end = text.indexOf(endMarker, start);
        if (end < 0) {
            throw new CommandException(source + " is truncated: its " + label + " has no '" + endMarker + "' line");
        }
        String base64 = text.substring(start, end).replaceAll("\\s", "");
        if (base64.isEmpty()) {
            throw new CommandException(source + ": the " + label + " block is empty");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CommandException(source + ": the " + label + " block is not valid base64 ("
                    + e.getMessage() + ")", e);
        }
        if (der.length == 0 || der[0] != DER_SEQUENCE) {
            throw new CommandException(source + ": the " + label + " block does not hold a DER-encoded request");
        }
        return der;
    }

    /** @return the certificates as consecutive PEM {@code CERTIFICATE} blocks, in the given order */
    static String toPem(List<X509Certificate> certificates) throws CommandException {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new CommandException("cannot encode certificate " + Serials.hex(certificate.getSerialNumber())
                        + ": " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }

    /**
     * Checks before anything is issued that {@code file} can be written: it is
     * not a directory and its directory exists.
     */
    static void checkWritable(Path file) throws CommandException {
        if (Files.isDirectory(file)) {
            throw new CommandException(file + " is a directory; give a file name for the certificate");
        }
        Path directory = file.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new CommandException("cannot write " + file + ": directory " + directory + " does not exist");
        }
        if (Files.exists(file) && !Files.isWritable(file) || !Files.exists(file) && directory != null
                && !Files.isWritable(directory)) {
            throw new CommandException("cannot write " + file + ": permission denied");
        }
    }

    /** Writes (or replaces) a text file. */
    static void write(Path file, String content) throws CommandException {
        try {
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (AccessDeniedException e) {
            throw new CommandException("cannot write " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
