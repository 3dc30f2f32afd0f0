package network.internet2.hypermesh.assets.cli.internal;

import static org.junit.Assert.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetAdapter;
import network.internet2.hypermesh.asset.AssetRegistry.AssetKind;
import network.internet2.hypermesh.asset.Capacity;
import network.internet2.hypermesh.vm.VmResult;

public class FormatTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-24T11:00:00.123456Z");

    private static Allocation allocation(String owner) throws Exception {
        return new Allocation("3f9c0a1b", "memory", 64L << 20, owner, EXPIRY,
                (Inet6Address) InetAddress.getByName("fd3c:1a2b:3c4d:0:0:0:0:7"), Allocation.State.ACTIVE, null);
    }

    @Test
    public void showsBytesInBinaryUnitsAndOtherUnitsAsNumbers() {
        assertEquals("512 B", Format.quantity(512, "bytes"));
        assertEquals("1 KiB", Format.quantity(1024, "bytes"));
        assertEquals("64 MiB", Format.quantity(64L << 20, "bytes"));
        assertEquals("1.5 GiB", Format.quantity(3L << 29, "bytes"));
        assertEquals("16 GiB", Format.quantity(16L << 30, "bytes"));
        assertEquals("7.9 EiB", Format.quantity(Long.MAX_VALUE, "bytes"));
        assertEquals("1023.9 MiB", Format.quantity((1L << 30) - 512, "bytes"));
        assertEquals("1.9 KiB", Format.quantity(2047, "bytes"));
        assertEquals("2000", Format.quantity(2000, "millicores"));
        assertEquals("500 millicores", Format.amount(500, "millicores"));
        assertEquals("64 MiB", Format.amount(64L << 20, "bytes"));
        assertEquals("7", Format.amount(7, null));
    }

    @Test
    public void kindRowsHaveCapacityAllocatedAvailableAndHealth() {
        AssetKind memory = new AssetKind("memory", new Capacity(16L << 30, "bytes"), 1L << 30);
        assertEquals(List.of("Kind", "Unit", "Total", "Allocated", "Available", "Health"), Format.kindHeaders());
        assertEquals(List.of("memory", "bytes", "16 GiB", "1 GiB", "15 GiB", "healthy"),
                Format.kindRow(memory, new AssetAdapter.Health(true, "tmpfs ok")));
        AssetKind gpu = new AssetKind("gpu", new Capacity(0, "devices"), 0);
        assertEquals(List.of("gpu", "devices", "0", "0", "0", "unhealthy: no NVIDIA driver"),
                Format.kindRow(gpu, new AssetAdapter.Health(false, "no NVIDIA driver")));
        assertEquals("unknown", Format.kindRow(gpu, null).get(5));
    }

    @Test
    public void allocationRowsHaveEveryColumn() throws Exception {
        assertEquals(List.of("Id", "Kind", "Amount", "Owner", "Expires", "Proxy address", "State"),
                Format.allocationHeaders());
        assertEquals(List.of("3f9c0a1b", "memory", "64 MiB", "local-operator", "2026-11-24T11:00:00Z",
                "fd3c:1a2b:3c4d::7", "active"), Format.allocationRow(allocation("local-operator"), "bytes"));
        Allocation noAddress = new Allocation("a2", "cpu", 250, "node2.internet2.network", EXPIRY, null,
                Allocation.State.EXPIRED, "lease expired");
        assertEquals(List.of("a2", "cpu", "250 millicores", "node2.internet2.network", "2026-11-24T11:00:00Z", "",
                "expired"), Format.allocationRow(noAddress, "millicores"));
    }

    @Test
    public void aGrantIsDescribedOnAlignedLines() throws Exception {
        assertEquals(List.of(
                "Id             3f9c0a1b",
                "Kind           memory",
                "Amount         64 MiB (67108864 bytes)",
                "Owner          local-operator",
                "Expires        2026-11-24T11:00:00Z",
                "Proxy address  fd3c:1a2b:3c4d::7"), Format.granted(allocation("local-operator"), "bytes"));
        assertEquals(List.of("a   1", "bb  2"), Format.aligned(List.of(Map.entry("a", "1"), Map.entry("bb", "2"))));
    }

    @Test
    public void outcomesSayHowTheRunEnded() {
        assertEquals("exited with status 0 (18234 instructions, 3 ms)", Format.outcome(new VmResult(
                VmResult.Outcome.EXITED, 0, new byte[0], new byte[0], false, 18234, Duration.ofMillis(3), "done")));
        assertEquals("exited with status 2 (10 instructions, 0 ms)", Format.outcome(new VmResult(
                VmResult.Outcome.EXITED, 2, new byte[0], new byte[0], false, 10, Duration.ZERO, null)));
        assertEquals("trapped (77 instructions, 1 ms): unreachable executed; output beyond 1 MiB per stream was "
                + "dropped", Format.outcome(new VmResult(VmResult.Outcome.TRAPPED, -1, new byte[0], new byte[0], true,
                        77, Duration.ofMillis(1), "unreachable executed")));
        assertEquals("wall clock limit (5 instructions, 10000 ms)", Format.outcome(new VmResult(
                VmResult.Outcome.WALL_CLOCK_LIMIT, -1, new byte[0], new byte[0], false, 5, Duration.ofSeconds(10),
                "")));
    }

    @Test
    public void addressesAreInTheirCanonicalText() throws Exception {
        assertEquals("::1", Format.address((Inet6Address) InetAddress.getByName("0:0:0:0:0:0:0:1")));
        assertEquals("fd3c:0:0:1::2", Format.address((Inet6Address) InetAddress.getByName("fd3c:0:0:1:0:0:0:2")));
        assertEquals("fd3c:1:2:3:4:5:6:7", Format.address((Inet6Address) InetAddress.getByName("fd3c:1:2:3:4:5:6:7")));
    }
}
