package network.internet2.management.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

public class NodeMemoryTest {

    @Test
    public void readsTheResidentSetFromTheVmRssLineInKibibytes() {
        assertEquals(421_888L * 1024, NodeMemory.resident(List.of("Name:\tjava", "VmPeak:\t 5242880 kB",
                "VmRSS:\t  421888 kB", "VmData:\t 2097152 kB")));
    }

    @Test
    public void isUnknownWithoutAVmRssLine() {
        assertEquals(NodeMemory.UNKNOWN, NodeMemory.resident(List.of("Name:\tkthreadd", "State:\tS (sleeping)")));
    }

    @Test
    public void measuresThisProcess() {
        NodeMemory memory = NodeMemory.now();
        assertTrue(memory.toString(), memory.heapCommitted() > 0 && memory.heapUsed() >= 0
                && memory.heapUsed() <= memory.heapCommitted());
        assertTrue(memory.toString(), memory.heapMax() == NodeMemory.UNKNOWN || memory.heapMax() >= memory.heapCommitted());
        assumeTrue("no /proc here", Files.isReadable(Path.of("/proc/self/status")));
        // a JVM's resident set holds at least its code and some of its heap: more than a mebibyte
        assertTrue(memory.toString(), memory.resident() > 1024 * 1024);
    }
}
