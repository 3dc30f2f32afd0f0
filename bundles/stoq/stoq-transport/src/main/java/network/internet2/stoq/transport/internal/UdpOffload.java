package network.internet2.stoq.transport.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.handler.codec.quic.EpollQuicUtils;
import io.netty.handler.codec.quic.SegmentedDatagramPacketAllocator;

/**
 * Fewer system calls per byte on Linux: UDP GSO (one {@code sendmsg} carries up to 64 KiB of same-sized QUIC
 * packets that the kernel splits), UDP GRO (one {@code recvmsg} returns several coalesced datagrams, which Netty
 * splits again) and, without GRO, {@code recvmmsg} batches. Everything is off with the NIO transport.
 */
final class UdpOffload {

    /** The most a UDP datagram (or a GSO/GRO batch) carries. */
    static final int MAX_BATCH_BYTES = 65_507;
    /** Linux accepts at most 64 segments in one GSO send (UDP_MAX_SEGMENTS). */
    private static final int MAX_SEGMENTS = 64;
    /** Datagrams read per recvmmsg call when GRO is off. */
    private static final int DATAGRAMS_PER_READ = 16;

    private final boolean nativeTransport;
    private final boolean enabled;
    private final int maxUdpPayload;

    UdpOffload(boolean nativeTransport, boolean enabled, int maxUdpPayload) {
        this.nativeTransport = nativeTransport;
        this.enabled = enabled;
        this.maxUdpPayload = maxUdpPayload;
    }

    /** @return whether the kernel and Netty can send segmented datagrams here */
    boolean gso() {
        return nativeTransport && enabled && segments() > 1 && SegmentedDatagramPacket.isSupported();
    }

    /** @return the allocator that makes QUIC write GSO batches, or none */
    SegmentedDatagramPacketAllocator segmentedAllocator() {
        return gso() ? EpollQuicUtils.newSegmentedAllocator(segments()) : SegmentedDatagramPacketAllocator.NONE;
    }

    private int segments() {
        return Math.min(MAX_SEGMENTS, MAX_BATCH_BYTES / maxUdpPayload);
    }

    /** Sizes reads (and turns on GRO or recvmmsg) for a datagram channel's bootstrap. */
    @SuppressWarnings("deprecation") // RCVBUF_ALLOCATOR: still the way to size datagram reads in Netty 4.2
    void configure(Bootstrap bootstrap) {
        // Netty's default allocator reads 2 KiB per datagram; larger datagrams would be cut and transfers stall.
        int single = Math.max(2048, maxUdpPayload + 64);
        if (!nativeTransport || !enabled) {
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(single));
        } else if (gso()) {
            // GRO hands back up to 64 KiB of coalesced datagrams in one read
            bootstrap.option(EpollChannelOption.UDP_GRO, true)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_BATCH_BYTES + 64));
        } else {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, single)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(single * DATAGRAMS_PER_READ));
        }
    }
}
