package network.internet2.management.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Assume;
import org.junit.Test;

public class ProcessMemoryMetricsTest {

    @Test
    public void readsVmRssInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  286720 kB\nRssAnon:\t 1 kB\n";
        assertEquals(286720 * 1024.0, ProcessMemoryMetrics.parseResidentBytes(status), 0);
    }

    @Test
    public void missingVmRssIsNaN() {
        assertTrue(Double.isNaN(ProcessMemoryMetrics.parseResidentBytes("Name:\tkthreadd\n")));
    }

    @Test
    public void thisProcessHasAResidentSize() {
        Assume.assumeTrue("Linux only (/proc/self/status)", Files.exists(Path.of("/proc/self/status")));
        double resident = ProcessMemoryMetrics.residentBytes();
        assertTrue("resident " + resident, resident > 1024 * 1024);
    }
}
