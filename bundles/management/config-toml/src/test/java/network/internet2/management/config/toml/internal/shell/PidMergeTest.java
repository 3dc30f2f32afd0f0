package network.internet2.management.config.toml.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class PidMergeTest {

    private static final Map<String, Object> EXISTING = Map.of(
            "felix.fileinstall.filename", "file:/node/etc/network.internet2.stoq.transport.cfg",
            "service.pid", "network.internet2.stoq.transport",
            "port", 4433,
            "max.connections", "1024");

    @Test
    public void setsTheIncomingKeysAndKeepsEveryOther() {
        Hashtable<String, Object> merged = PidMerge.merged(EXISTING, Map.of("port", "443", "udp.offload", "true"));
        assertEquals(Map.of(
                "felix.fileinstall.filename", "file:/node/etc/network.internet2.stoq.transport.cfg",
                "service.pid", "network.internet2.stoq.transport",
                "port", "443",
                "max.connections", "1024",
                "udp.offload", "true"), merged);
    }

    @Test
    public void reportsEachIncomingKeyWithItsValueBefore() {
        List<PropertyChange> changes = PidMerge.changes("pid", EXISTING, Map.of("port", "4433"));
        assertEquals(List.of(new PropertyChange("pid", "port", 4433, "4433")), changes);
        assertFalse("the stored number 4433 is the text 4433", changes.get(0).changes());
        assertTrue(new PropertyChange("pid", "port", 4433, "443").changes());
        assertTrue(new PropertyChange("pid", "udp.offload", null, "true").changes());
    }

    @Test
    public void rendersTheChangesAsAnAlignedTable() {
        assertEquals("""
                PID  PROPERTY     BEFORE     AFTER
                a.b  port         4433       443
                a.b  udp.offload  (not set)  true
                a.b  max.payload  1350       (unchanged)
                """, ImportCommand.render(List.of(new PropertyChange("a.b", "port", "4433", "443"),
                new PropertyChange("a.b", "udp.offload", null, "true"),
                new PropertyChange("a.b", "max.payload", 1350, "1350"))));
    }
}
