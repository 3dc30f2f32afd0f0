package network.internet2.hypermesh.assets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class UlaPrefixTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void drawsAnFdSlash64OnceAndReusesIt() throws Exception {
        Path file = folder.getRoot().toPath().resolve("assets").resolve("ula-prefix");
        UlaPrefix first = UlaPrefix.loadOrCreate(file, new SecureRandom());
        UlaPrefix again = UlaPrefix.loadOrCreate(file, new SecureRandom());

        assertEquals(first, again);
        assertTrue(first.toString(), first.toString().matches("fd[0-9a-f]{2}:[0-9a-f:]+/64"));
        byte[] network = first.network().getAddress();
        assertEquals((byte) 0xfd, network[0]);
        for (int i = 6; i < 16; i++) {
            assertEquals("subnet 0 and an empty interface id", 0, network[i]);
        }
        if (DurableFiles.hasPosixPermissions(file)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    public void differentNodesDrawDifferentPrefixes() throws Exception {
        UlaPrefix one = UlaPrefix.loadOrCreate(folder.newFolder().toPath().resolve("p"), new SecureRandom());
        UlaPrefix two = UlaPrefix.loadOrCreate(folder.newFolder().toPath().resolve("p"), new SecureRandom());
        assertNotEquals(one, two);
    }

    @Test
    public void refusesACorruptFileNamingIt() throws Exception {
        for (String corrupt : new String[] {"garbage", "fc00:1:2::/64", "fd00:1:2::/48", "fd00:1:2:3::/64",
                "fd00:1:2::1/64", ""}) {
            Path file = folder.newFile().toPath();
            Files.writeString(file, corrupt, StandardCharsets.US_ASCII);
            IOException refused = assertThrows(corrupt, IOException.class,
                    () -> UlaPrefix.loadOrCreate(file, new SecureRandom()));
            assertTrue(refused.getMessage(), refused.getMessage().contains(file.toString()));
        }
    }

    @Test
    public void proxyAddressesLieInThePrefixAndAreStable() throws Exception {
        UlaPrefix prefix = UlaPrefix.loadOrCreate(folder.getRoot().toPath().resolve("p"), new SecureRandom());
        Inet6Address address = prefix.proxyAddress("abc", a -> false);
        assertTrue(prefix.contains(address));
        assertEquals(address, prefix.proxyAddress("abc", a -> false));
    }

    @Test
    public void rehashesWhenTheAddressIsTaken() throws Exception {
        UlaPrefix prefix = UlaPrefix.loadOrCreate(folder.getRoot().toPath().resolve("p"), new SecureRandom());
        Inet6Address first = prefix.proxyAddress("abc", a -> false);
        Inet6Address second = prefix.proxyAddress("abc", first::equals);
        assertNotEquals(first, second);
        assertTrue(prefix.contains(second));
        assertThrows(IllegalStateException.class, () -> prefix.proxyAddress("abc", a -> true));
    }

    @Test
    public void tenThousandAllocationsGetDistinctAddressesInThePrefix() throws Exception {
        UlaPrefix prefix = UlaPrefix.loadOrCreate(folder.getRoot().toPath().resolve("p"), new SecureRandom());
        Set<Inet6Address> taken = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Inet6Address address = prefix.proxyAddress("allocation-" + i, taken::contains);
            assertTrue(prefix.contains(address));
            assertTrue(taken.add(address));
        }
        assertEquals(10_000, taken.size());
    }
}
