package network.internet2.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pqc.crypto.falcon.FalconKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconKeyPairGenerator;
import org.bouncycastle.pqc.crypto.falcon.FalconParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconSigner;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;

/**
 * The third-party bundles work inside the running container, not just resolve:
 * Netty's QUIC codec with its native library moves bytes over [::1], and
 * BouncyCastle signs with FALCON-1024 and encapsulates with ML-KEM-1024.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThirdPartyInContainerIT extends Internet2TestSupport {

    @Test
    public void quicServerAndClientExchangeBytesOverIpv6Loopback() throws Exception {
        Quic.ensureAvailability();
        KeyPair serverKey = ecKeyPair();
        X509Certificate serverCertificate = selfSigned(serverKey, "CN=quic-itest");
        QuicSslContext serverTls = QuicSslContextBuilder.forServer(serverKey.getPrivate(), null, serverCertificate)
                .applicationProtocols("stoq/1").build();
        // Trust exactly the server's certificate. Netty's client also applies HTTPS
        // host-name rules by default, which need a host name the bootstrap does not
        // carry for a bare address; name checks are the STOQ transport's own job.
        QuicSslContext clientTls = QuicSslContextBuilder.forClient().trustManager(serverCertificate)
                .endpointIdentificationAlgorithm(null).applicationProtocols("stoq/1").build();

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new QuicServerCodecBuilder().sslContext(serverTls)
                            .maxIdleTimeout(10, TimeUnit.SECONDS)
                            .initialMaxData(1 << 20).initialMaxStreamDataBidirectionalRemote(1 << 20)
                            .initialMaxStreamsBidirectional(8)
                            .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
                            .handler(new ChannelInboundHandlerAdapter())
                            .streamHandler(new EchoHandler())
                            .build())
                    .bind(new InetSocketAddress(loopback(), 0)).sync().channel();
            Channel client = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new QuicClientCodecBuilder().sslContext(clientTls)
                            .maxIdleTimeout(10, TimeUnit.SECONDS)
                            .initialMaxData(1 << 20).initialMaxStreamDataBidirectionalLocal(1 << 20)
                            .build())
                    .bind(new InetSocketAddress(loopback(), 0)).sync().channel();

            QuicChannel connection = QuicChannel.newBootstrap(client)
                    .handler(new ChannelInboundHandlerAdapter())
                    .remoteAddress(server.localAddress())
                    .connect().get(10, TimeUnit.SECONDS);
            assertTrue(((InetSocketAddress) server.localAddress()).getAddress() instanceof java.net.Inet6Address);

            byte[] message = "hello over QUIC on ::1".getBytes(StandardCharsets.UTF_8);
            CompletableFuture<byte[]> echoed = new CompletableFuture<>();
            QuicStreamChannel stream = connection.createStream(QuicStreamType.BIDIRECTIONAL, new Collector(echoed))
                    .get(10, TimeUnit.SECONDS);
            stream.writeAndFlush(Unpooled.wrappedBuffer(message)).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);

            assertArrayEquals(message, echoed.get(10, TimeUnit.SECONDS));
            connection.close().sync();
            client.close().sync();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    public void bouncyCastleSignsAndVerifiesWithFalcon1024() throws Exception {
        FalconKeyPairGenerator generator = new FalconKeyPairGenerator();
        generator.init(new FalconKeyGenerationParameters(new SecureRandom(), FalconParameters.falcon_1024));
        AsymmetricCipherKeyPair keys = generator.generateKeyPair();
        byte[] message = "internet2 falcon-1024".getBytes(StandardCharsets.UTF_8);

        FalconSigner signer = new FalconSigner();
        signer.init(true, new ParametersWithRandom(keys.getPrivate(), new SecureRandom()));
        byte[] signature = signer.generateSignature(message);

        FalconSigner verifier = new FalconSigner();
        verifier.init(false, keys.getPublic());
        assertTrue(verifier.verifySignature(message, signature));
        message[0] ^= 1;
        assertFalse("a changed message must not verify", verifier.verifySignature(message, signature));
    }

    @Test
    public void bouncyCastleEncapsulatesWithMlKem1024() {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(new SecureRandom(), MLKEMParameters.ml_kem_1024));
        AsymmetricCipherKeyPair keys = generator.generateKeyPair();

        SecretWithEncapsulation sent = new MLKEMGenerator(new SecureRandom())
                .generateEncapsulated((MLKEMPublicKeyParameters) keys.getPublic());
        byte[] received = new MLKEMExtractor((MLKEMPrivateKeyParameters) keys.getPrivate())
                .extractSecret(sent.getEncapsulation());

        assertEquals("ML-KEM-1024 ciphertext size (FIPS 203)", 1568, sent.getEncapsulation().length);
        assertEquals(32, received.length);
        assertArrayEquals(sent.getSecret(), received);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        long now = System.currentTimeMillis();
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.iPAddress, "::1"));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 3_600_000), name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, names)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    /** Server side: echoes a stream's bytes back and finishes when the client does. */
    private static final class EchoHandler extends ChannelInitializer<QuicStreamChannel> {
        @Override
        protected void initChannel(QuicStreamChannel stream) {
            stream.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ctx.write(msg);
                }

                @Override
                public void channelReadComplete(ChannelHandlerContext ctx) {
                    ctx.flush();
                }

                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                    if (event == ChannelInputShutdownReadComplete.INSTANCE) {
                        ((QuicStreamChannel) ctx.channel()).shutdownOutput();
                    }
                }
            });
        }
    }

    /** Client side: collects a stream's bytes until the server finishes it. */
    private static final class Collector extends ChannelInboundHandlerAdapter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> done;

        Collector(CompletableFuture<byte[]> done) {
            this.done = done;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buffer = (ByteBuf) msg;
            try {
                byte[] chunk = new byte[buffer.readableBytes()];
                buffer.readBytes(chunk);
                bytes.write(chunk, 0, chunk.length);
            } finally {
                buffer.release();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == ChannelInputShutdownReadComplete.INSTANCE) {
                done.complete(bytes.toByteArray());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
        }
    }
}
