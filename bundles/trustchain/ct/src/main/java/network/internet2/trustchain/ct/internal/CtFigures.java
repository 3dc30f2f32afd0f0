package network.internet2.trustchain.ct.internal;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import network.internet2.trustchain.ct.SignedTreeHead;
import network.internet2.trustchain.ct.TransparencyLog;

/** The CT log's figures for {@code /health} ({@code layers.trustchain.figures.ct}): size and last tree head. */
@Component(service = Supplier.class, property = "internet2.figures=trustchain.ct")
public class CtFigures implements Supplier<Map<String, Object>> {

    private final TransparencyLog log;

    @Activate
    public CtFigures(@Reference TransparencyLog log) {
        this.log = log;
    }

    @Override
    public Map<String, Object> get() {
        SignedTreeHead head = log.latestTreeHead();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("treeSize", head.treeSize());
        figures.put("treeHeadTimestamp", java.time.Instant.ofEpochMilli(head.timestamp()).toString());
        figures.put("treeHeadAgeSeconds", (System.currentTimeMillis() - head.timestamp()) / 1000);
        figures.put("rootHash", HexFormat.of().formatHex(head.rootHash()));
        figures.put("maximumMergeDelaySeconds", log.identity().maximumMergeDelay().toSeconds());
        return figures;
    }
}
