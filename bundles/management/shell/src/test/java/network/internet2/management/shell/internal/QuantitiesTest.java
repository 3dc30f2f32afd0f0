package network.internet2.management.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class QuantitiesTest {

    @Test
    public void writesBytesInBinaryUnitsRoundedDownToATenth() {
        assertEquals("0 B", Quantities.bytes(0));
        assertEquals("1023 B", Quantities.bytes(1023));
        assertEquals("1 KiB", Quantities.bytes(1024));
        assertEquals("1.5 MiB", Quantities.bytes(3L << 19));
        assertEquals("1023.9 MiB", Quantities.bytes((1L << 30) - 1));
        assertEquals("unknown", Quantities.bytes(-1));
    }

    @Test
    public void writesDurationsInTheirTwoLargestUnits() {
        assertEquals("42 s", Quantities.duration(42));
        assertEquals("3 min 5 s", Quantities.duration(185));
        assertEquals("2 h", Quantities.duration(7200));
        assertEquals("2 h 5 min", Quantities.duration(7500));
        assertEquals("1 d 4 h", Quantities.duration(86400 + 4 * 3600 + 59));
    }

    @Test
    public void writesFiguresAsOneCell() {
        assertEquals("40", Quantities.value(40L));
        assertEquals("12.5", Quantities.value(12.5));
        assertEquals("0.123", Quantities.value(0.12345));
        assertEquals("100", Quantities.value(100.0));
        assertEquals("yes", Quantities.value(true));
        assertEquals("work, time", Quantities.value(List.of("work", "time")));
        assertEquals("none", Quantities.value(List.of()));
        assertEquals("node=node2 reason=replay; node=node3 reason=bad proof", Quantities.value(List.of(
                SampleHealth.ordered("node", "node2", "reason", "replay"),
                SampleHealth.ordered("node", "node3", "reason", "bad proof"))));
        assertEquals("-", Quantities.value(null));
        assertEquals("-", Quantities.value(Double.NaN));
        assertEquals("count=3", Quantities.value(Map.of("count", 3)));
        assertEquals("none", Quantities.value(Map.of()));
    }
}
