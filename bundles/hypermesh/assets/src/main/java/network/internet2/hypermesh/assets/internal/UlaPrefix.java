package network.internet2.hypermesh.assets.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The node's RFC 4193 unique local prefix: {@code fd00::/8}, a 40-bit Global ID
 * and subnet 0, giving one {@code /64} in which every allocation gets its proxy
 * address.
 *
 * <p>The Global ID is drawn from {@link SecureRandom}. RFC 4193 section 3.2.2
 * suggests deriving it from a hash of the time and an EUI-64; the RFC only
 * requires it to be pseudo-random, which a cryptographic random source
 * satisfies at least as well. It is drawn once and kept in a small file
 * (owner-only where the file system supports POSIX permissions), so the node
 * keeps its prefix across restarts.
 */
final class UlaPrefix {

    /** How many rehashes are tried before giving up on a free address. */
    static final int MAX_REHASHES = 1000;

    private static final int PREFIX_BYTES = 8;

    private final byte[] prefix;

    private UlaPrefix(byte[] prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads the prefix in {@code file}, first creating the file with a fresh
     * random Global ID if it does not exist.
     *
     * @throws IOException if the file cannot be written or read, or does not hold a valid ULA /64
     */
    static UlaPrefix loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            DurableFiles.ensureDirectory(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[16];
            fresh[0] = (byte) 0xfd;
            byte[] globalId = new byte[5];
            random.nextBytes(globalId);
            System.arraycopy(globalId, 0, fresh, 1, 5);
            UlaPrefix created = new UlaPrefix(Arrays.copyOf(fresh, PREFIX_BYTES));
            DurableFiles.writeAtomically(file, (created + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file);
    }

    /**
     * Parses an IPv6 literal without ever asking a resolver: in brackets the JDK parses the text or fails.
     *
     * @throws UnknownHostException if the text is not an IPv6 literal
     */
    static Inet6Address ipv6Literal(String text) throws UnknownHostException {
        InetAddress address = InetAddress.getByName("[" + text + "]");
        if (!(address instanceof Inet6Address ipv6)) {
            throw new UnknownHostException("'" + text + "' is not an IPv6 address");
        }
        return ipv6;
    }

    private static UlaPrefix parse(String text, Path file) throws IOException {
        String problem = "the node's ULA prefix file " + file + " does not hold an fd00::/8 /64 prefix ("
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "); ";
        String fix = "restore it from a backup, or delete it to have a new prefix drawn "
                + "(which changes every proxy address)";
        if (!text.endsWith("/64") || !text.matches("[0-9a-fA-F:]+/64")) {
            throw new IOException(problem + fix);
        }
        byte[] address;
        try {
            address = ipv6Literal(text.substring(0, text.length() - 3)).getAddress();
        } catch (UnknownHostException e) {
            throw new IOException(problem + fix, e);
        }
        if (address.length != 16 || address[0] != (byte) 0xfd) {
            throw new IOException(problem + fix);
        }
        for (int i = 6; i < 16; i++) {
            if (address[i] != 0) {
                throw new IOException(problem + "subnet and interface bits must be zero; " + fix);
            }
        }
        return new UlaPrefix(Arrays.copyOf(address, PREFIX_BYTES));
    }

    /** @return whether {@code address} lies inside this /64 */
    boolean contains(Inet6Address address) {
        return Arrays.equals(Arrays.copyOf(address.getAddress(), PREFIX_BYTES), prefix);
    }

    /** @return the prefix's network address ({@code fdxx:xxxx:xxxx::}) */
    Inet6Address network() {
        return toAddress(Arrays.copyOf(prefix, 16));
    }

    /**
     * The proxy address of an allocation: the interface id is the first 8 bytes
     * of SHA-256 of the id, rehashed with a counter while the address is taken
     * (or would be the all-zero subnet-router anycast address).
     *
     * @param taken tells which addresses already belong to other allocations
     * @throws IllegalStateException if no free address is found within {@value #MAX_REHASHES} tries
     */
    Inet6Address proxyAddress(String allocationId, Predicate<Inet6Address> taken) {
        for (int counter = 0; counter < MAX_REHASHES; counter++) {
            byte[] hash = sha256(counter == 0 ? allocationId : allocationId + "#" + counter);
            byte[] bytes = Arrays.copyOf(prefix, 16);
            System.arraycopy(hash, 0, bytes, PREFIX_BYTES, 8);
            boolean anycast = Arrays.equals(Arrays.copyOfRange(bytes, PREFIX_BYTES, 16), new byte[8]);
            Inet6Address candidate = toAddress(bytes);
            if (!anycast && !taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free proxy address for allocation " + allocationId + " after "
                + MAX_REHASHES + " tries in " + this);
    }

    @Override
    public String toString() {
        return network().getHostAddress().replaceFirst("(:0)+$", "::").replaceFirst(":::$", "::") + "/64";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UlaPrefix that && Arrays.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix);
    }

    private static Inet6Address toAddress(byte[] bytes) {
        try {
            return (Inet6Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + Arrays.toString(bytes), e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
