package network.internet2.hypermesh.remote.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One request of the remote-asset protocol, sent alone on its own STOQ stream:
 * <pre>
 * u8  version (1)
 * u8  operation ({@link Op})
 * 16  proxy address of the allocation
 * u64 offset (READ, WRITE, COMPARE_AND_SWAP; 0 otherwise)
 * u32 length (READ: bytes wanted; WRITE: bytes that follow; 0 otherwise)
 * ... WRITE: the data; COMPARE_AND_SWAP: u64 expected, u64 replacement
 * </pre>
 * big-endian, then the end of the stream. Anything else is malformed.
 *
 * @param expected    the long compared (COMPARE_AND_SWAP only)
 * @param replacement the long stored if equal (COMPARE_AND_SWAP only)
 */
record RemoteRequest(Op op, Inet6Address proxyAddress, long offset, int length, byte[] data, long expected,
        long replacement) {

    static final int VERSION = 1;

    static RemoteRequest size(Inet6Address address) {
        return new RemoteRequest(Op.SIZE, address, 0, 0, new byte[0], 0, 0);
    }

    static RemoteRequest read(Inet6Address address, long offset, int length) {
        return new RemoteRequest(Op.READ, address, offset, length, new byte[0], 0, 0);
    }

    static RemoteRequest write(Inet6Address address, long offset, byte[] data) {
        return new RemoteRequest(Op.WRITE, address, offset, data.length, data, 0, 0);
    }

    static RemoteRequest compareAndSwap(Inet6Address address, long offset, long expected, long replacement) {
        return new RemoteRequest(Op.COMPARE_AND_SWAP, address, offset, 0, new byte[0], expected, replacement);
    }

    static RemoteRequest flush(Inet6Address address) {
        return new RemoteRequest(Op.FLUSH, address, 0, 0, new byte[0], 0, 0);
    }

    void writeTo(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeByte(VERSION);
        out.writeByte(op.code);
        out.write(proxyAddress.getAddress());
        out.writeLong(offset);
        out.writeInt(length);
        if (op == Op.WRITE) {
            out.write(data);
        } else if (op == Op.COMPARE_AND_SWAP) {
            out.writeLong(expected);
            out.writeLong(replacement);
        }
        out.flush();
    }

    /**
     * Reads a whole request and checks that nothing follows it.
     *
     * @param maxTransfer the most bytes a READ may ask for or a WRITE may carry
     * @throws MalformedRequestException if it does not follow the protocol
     */
    static RemoteRequest readFrom(InputStream stream, int maxTransfer) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new MalformedRequestException("protocol version " + version + " is not spoken here (1 is)");
            }
            Op op = Op.of(in.readUnsignedByte());
            byte[] address = new byte[16];
            in.readFully(address);
            Inet6Address proxy = ipv6(address);
            long offset = in.readLong();
            int length = in.readInt();
            if (offset < 0) {
                throw new MalformedRequestException("the offset cannot be negative: " + offset);
            }
            if (length < 0 || length > maxTransfer) {
                throw new MalformedRequestException("the length must be between 0 and " + maxTransfer + ", not "
                        + Integer.toUnsignedString(length));
            }
            byte[] data = new byte[0];
            long expected = 0;
            long replacement = 0;
            if (op == Op.WRITE) {
                data = new byte[length];
                in.readFully(data);
            } else if (op == Op.COMPARE_AND_SWAP) {
                expected = in.readLong();
                replacement = in.readLong();
            }
            if (in.read() != -1) {
                throw new MalformedRequestException("bytes follow the " + op + " request");
            }
            return new RemoteRequest(op, proxy, offset, length, data, expected, replacement);
        } catch (EOFException e) {
            throw new MalformedRequestException("the request ends early");
        }
    }

    private static Inet6Address ipv6(byte[] address) throws MalformedRequestException {
        try {
            if (InetAddress.getByAddress(address) instanceof Inet6Address v6) {
                return v6;
            }
        } catch (java.net.UnknownHostException impossible) {
            // sixteen bytes are always an address
        }
        throw new MalformedRequestException("the proxy address is an IPv4-mapped address, not an IPv6 one");
    }
}
