package network.internet2.hypermesh.proof.space.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;

public class PlotFunctionTest {

    private static final byte[] SEED = new byte[32];

    static {
        Arrays.fill(SEED, (byte) 7);
    }

    @Test
    public void blockIsTheDocumentedDerivation() throws Exception {
        String identity = "node1.internet2.network";
        byte[] key = PlotFunction.plotKey(SEED, identity);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SEED, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(("internet2/proof-space/plot-key/v1\0" + identity)
                .getBytes(StandardCharsets.US_ASCII)), key);

        int work = 5;
        long index = 77;
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(("internet2/proof-space/block/v1\0" + identity + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] state = mac.doFinal(ByteBuffer.allocate(8).putLong(index).array());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int j = 0; j < work; j++) {
            state = sha.digest(state);
        }
        byte[] expected = new byte[4096];
        for (int piece = 0; piece < 128; piece++) {
            sha.update(state);
            sha.update(ByteBuffer.allocate(4).putInt(piece).array());
            System.arraycopy(sha.digest(), 0, expected, piece * 32, 32);
        }
        assertArrayEquals(expected, new PlotFunction(key, identity, work).generator().block(index));
    }

    @Test
    public void blocksDependOnIndexIdentityKeyAndWorkFactor() {
        byte[] key = PlotFunction.plotKey(SEED, "a");
        PlotFunction.Generator plot = new PlotFunction(key, "a", 3).generator();
        byte[] block = plot.block(1);
        assertEquals(4096, block.length);
        assertArrayEquals("deterministic", block, new PlotFunction(key, "a", 3).generator().block(1));
        assertFalse(Arrays.equals(block, plot.block(2)));
        assertFalse(Arrays.equals(block, new PlotFunction(key, "b", 3).generator().block(1)));
        assertFalse(Arrays.equals(block, new PlotFunction(PlotFunction.plotKey(SEED, "b"), "a", 3).generator()
                .block(1)));
        assertFalse(Arrays.equals(block, new PlotFunction(key, "a", 4).generator().block(1)));
        assertFalse("each identity has its own plot key",
                Arrays.equals(PlotFunction.plotKey(SEED, "a"), PlotFunction.plotKey(SEED, "b")));
    }
}
