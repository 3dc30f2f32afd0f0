package network.internet2.management.monitoring.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert as evaluated now: whether it fires, the measured value against its threshold (null when there is
 * nothing to measure), and a sentence for the operator.
 */
record Alert(String name, boolean firing, Double value, double threshold, String unit, String message) {

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("firing", firing);
        map.put("value", value == null ? null : MeterSummary.number(value));
        map.put("threshold", MeterSummary.number(threshold));
        map.put("unit", unit);
        map.put("message", message);
        return map;
    }
}
