package network.internet2.trustchain.dns.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;

/**
 * Carries DNS messages over UDP and TCP on one IPv6 address and port, on a
 * bounded set of Netty event loops (native epoll where the kernel offers it,
 * with one SO_REUSEPORT UDP socket per loop; Java NIO otherwise).
 *
 * <p>IPv6 only: the sockets are created for the IPv6 family and, with epoll,
 * with {@code IPV6_V6ONLY} set, so a wildcard bind does not take IPv4 traffic.
 * Without epoll, datagrams and connections from IPv4-mapped peers are dropped.
 */
final class DnsListener implements AutoCloseable {

    /** Settings of the listener. */
    record Settings(Inet6Address address, int port, int threads, int maxTcpConnections, int tcpIdleSeconds,
            int socketBuffer) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DnsListener.class);
    /** Linux: IPPROTO_IPV6 = 41 and IPV6_V6ONLY = 26 (from {@code <linux/in6.h>}). */
    private static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

    private final QueryResponder responder;
    private final DnsCounters counters;
    private final EventLoopGroup loops;
    private final boolean epoll;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private final Settings settings;
    private int port;

    private DnsListener(QueryResponder responder, DnsCounters counters, Settings settings) {
        this.responder = responder;
        this.counters = counters;
        this.settings = settings;
        this.epoll = Epoll.isAvailable();
        this.loops = new MultiThreadIoEventLoopGroup(settings.threads(),
                runnable -> {
                    Thread thread = new Thread(runnable, "internet2-dns");
                    thread.setDaemon(true);
                    return thread;
                }, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /**
     * Binds UDP and TCP sockets; on failure nothing stays open.
     *
     * @throws IllegalStateException with the address and the cause if a socket cannot be bound
     */
    static DnsListener start(QueryResponder responder, DnsCounters counters, Settings settings) {
        DnsListener listener = new DnsListener(responder, counters, settings);
        try {
            listener.bind();
            return listener;
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** @return the port the sockets are bound to (the one configured, or the one chosen for port 0) */
    int port() {
        return port;
    }

    boolean nativeTransport() {
        return epoll;
    }

    private void bind() {
        InetSocketAddress requested = new InetSocketAddress(settings.address(), settings.port());
        Channel first = bindUdp(requested);
        port = ((InetSocketAddress) first.localAddress()).getPort();
        InetSocketAddress actual = new InetSocketAddress(settings.address(), port);
        for (int i = 1; epoll && i < settings.threads(); i++) {
            bindUdp(actual);
        }
        bindTcp(actual);
        LOG.info("DNS listening on udp/tcp [{}]:{} ({} UDP socket(s), {} transport)",
                NetUtil.toAddressString(settings.address()), port, epoll ? settings.threads() : 1, epoll ? "epoll" : "nio");
    }

    private Channel bindUdp(InetSocketAddress address) {
        Bootstrap bootstrap = new Bootstrap().group(loops)
                .option(ChannelOption.SO_RCVBUF, settings.socketBuffer())
                .option(ChannelOption.SO_SNDBUF, settings.socketBuffer())
                .handler(new UdpHandler());
        if (epoll) {
            bootstrap.channelFactory(() -> new EpollDatagramChannel(SocketProtocolFamily.INET6))
                    .option(EpollChannelOption.SO_REUSEPORT, true)
                    .option(IPV6_V6ONLY, 1);
        } else {
            bootstrap.channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET6));
        }
        return opened(bootstrap.bind(address).awaitUninterruptibly(), "udp", address);
    }

    private void bindTcp(InetSocketAddress address) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new IdleStateHandler(settings.tcpIdleSeconds(), 0, 0, TimeUnit.SECONDS),
                                new LengthFieldBasedFrameDecoder(QueryResponder.TCP_SIZE, 0, 2, 0, 2),
                                new TcpHandler());
                    }
                });
        if (epoll) {
            bootstrap.channelFactory(() -> new EpollServerSocketChannel(SocketProtocolFamily.INET6))
                    .option(IPV6_V6ONLY, 1);
        } else {
            bootstrap.channelFactory(() -> {
                try {
                    return new NioServerSocketChannel(
                            java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.INET6));
                } catch (java.io.IOException e) {
                    throw new io.netty.channel.ChannelException("cannot open an IPv6 TCP socket", e);
                }
            });
        }
        opened(bootstrap.bind(address).awaitUninterruptibly(), "tcp", address);
    }

    private Channel opened(io.netty.channel.ChannelFuture future, String protocol, InetSocketAddress address) {
        if (!future.isSuccess()) {
            throw new IllegalStateException("DNS cannot listen on " + protocol + " ["
                    + NetUtil.toAddressString(address.getAddress()) + "]:" + address.getPort() + ": "
                    + future.cause().getMessage(), future.cause());
        }
        synchronized (channels) {
            channels.add(future.channel());
        }
        return future.channel();
    }

    /** Closes the sockets, then lets the event loops finish what they hold (at most two seconds). */
    @Override
    public void close() {
        synchronized (channels) {
            channels.forEach(channel -> channel.close().awaitUninterruptibly());
            channels.clear();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static boolean isIpv4(InetSocketAddress peer) {
        return peer == null || peer.getAddress() instanceof Inet4Address;
    }

    private final class UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
            if (isIpv4(packet.sender())) {
                counters.dropped();
                return;
            }
            byte[] answer = responder.respond(ByteBufUtil.getBytes(packet.content()), false);
            if (answer != null) {
                context.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer), packet.sender()));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            LOG.debug("DNS UDP socket error (the listener keeps running)", cause);
        }
    }

    private final class TcpHandler extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        public void channelActive(ChannelHandlerContext context) {
            int open = tcpConnections.incrementAndGet();
            if (open > settings.maxTcpConnections() || isIpv4((InetSocketAddress) context.channel().remoteAddress())) {
                counters.dropped();
                context.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            tcpConnections.decrementAndGet();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            counters.tcpQuery();
            byte[] answer = responder.respond(ByteBufUtil.getBytes(frame), true);
            if (answer == null) {
                context.close();
                return;
            }
            ByteBuf out = context.alloc().buffer(2 + answer.length);
            out.writeShort(answer.length).writeBytes(answer);
            context.writeAndFlush(out);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent) {
                context.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            LOG.debug("DNS TCP connection from {} closed after an error", context.channel().remoteAddress(), cause);
            context.close();
        }
    }
}
