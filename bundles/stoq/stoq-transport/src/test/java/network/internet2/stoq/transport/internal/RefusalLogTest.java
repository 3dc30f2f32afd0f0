package network.internet2.stoq.transport.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import network.internet2.stoq.PeerRefusedException;
import network.internet2.stoq.RefusalReason;

public class RefusalLogTest {

    @Test
    public void aFloodOfRefusalsIsLoggedAtMostTwentyTimesASecondButAlwaysCounted() {
        TransportCounters counters = new TransportCounters();
        RefusalLog log = new RefusalLog();
        int written = 0;
        for (int i = 0; i < 50; i++) {
            PeerRefusedException refusal = new PeerRefusedException(RefusalReason.REVOKED, "peer " + i + " is revoked");
            counters.refused(refusal);
            if (log.log(refusal)) {
                written++;
            }
        }
        // 50 refusals within far less than a second (a slow machine may open a second window: at most 40 lines)
        assertEquals(50, counters.snapshot().get("refusals.revoked").longValue());
        assertTrue("lines written: " + written,
                written >= RefusalLog.LINES_PER_SECOND && written <= 2 * RefusalLog.LINES_PER_SECOND);
    }
}
