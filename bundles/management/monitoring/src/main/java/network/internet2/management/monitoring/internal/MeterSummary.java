package network.internet2.management.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * Renders meters as plain maps (for JSON): one entry per meter with its name, tags, type, unit and values.
 * Timers are in milliseconds; their buckets are cumulative counts per upper bound, as in Prometheus.
 */
final class MeterSummary {

    private MeterSummary() {
    }

    /** Every meter of the registry, sorted by name then tags. */
    static List<Map<String, Object>> all(MeterRegistry registry) {
        List<Meter> meters = new ArrayList<>(registry.getMeters());
        meters.sort((a, b) -> {
            int byName = a.getId().getName().compareTo(b.getId().getName());
            return byName != 0 ? byName : a.getId().getTags().toString().compareTo(b.getId().getTags().toString());
        });
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (Meter meter : meters) {
            rendered.add(render(meter));
        }
        return rendered;
    }

    static Map<String, Object> render(Meter meter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", meter.getId().getName());
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        out.put("tags", tags);
        out.put("type", meter.getId().getType().name().toLowerCase(java.util.Locale.ROOT));
        if (meter instanceof Timer timer) {
            out.put("unit", "milliseconds");
            timing(out, timer.takeSnapshot(), timer.count(), timer.totalTime(TimeUnit.MILLISECONDS),
                    timer.max(TimeUnit.MILLISECONDS), true);
        } else if (meter instanceof DistributionSummary summary) {
            unit(out, meter);
            timing(out, summary.takeSnapshot(), summary.count(), summary.totalAmount(), summary.max(), false);
        } else if (meter instanceof TimeGauge gauge) {
            out.put("unit", "seconds");
            out.put("value", number(gauge.value(TimeUnit.SECONDS)));
        } else if (meter instanceof Gauge gauge) {
            unit(out, meter);
            out.put("value", number(gauge.value()));
        } else if (meter instanceof Counter counter) {
            unit(out, meter);
            out.put("value", number(counter.count()));
        } else if (meter instanceof FunctionCounter counter) {
            unit(out, meter);
            out.put("value", number(counter.count()));
        } else if (meter instanceof FunctionTimer timer) {
            out.put("unit", "milliseconds");
            out.put("count", number(timer.count()));
            out.put("total", number(timer.totalTime(TimeUnit.MILLISECONDS)));
        } else if (meter instanceof LongTaskTimer timer) {
            out.put("active", timer.activeTasks());
            out.put("durationMillis", number(timer.duration(TimeUnit.MILLISECONDS)));
        } else {
            Map<String, Object> measurements = new LinkedHashMap<>();
            meter.measure().forEach(m -> measurements.put(m.getStatistic().getTagValueRepresentation(), number(m.getValue())));
            out.put("measurements", measurements);
        }
        return out;
    }

    private static void unit(Map<String, Object> out, Meter meter) {
        if (meter.getId().getBaseUnit() != null) {
            out.put("unit", meter.getId().getBaseUnit());
        }
    }

    private static void timing(Map<String, Object> out, HistogramSnapshot snapshot, long count, double total, double max,
            boolean timeBased) {
        out.put("count", count);
        out.put("total", number(total));
        out.put("mean", count == 0 ? 0 : number(total / count));
        out.put("windowMax", number(max));
        CountAtBucket[] buckets = snapshot.histogramCounts();
        if (buckets.length > 0) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            for (CountAtBucket bucket : buckets) {
                double bound = timeBased ? bucket.bucket(TimeUnit.MILLISECONDS) : bucket.bucket();
                rendered.put(trim(bound), (long) bucket.count());
            }
            rendered.put("+Inf", count);
            out.put("buckets", rendered);
        }
    }

    /** Rounded to three decimals; NaN and infinities (no value) as null, which JSON can carry. */
    static Object number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return Math.round(value * 1000) / 1000.0;
    }

    private static String trim(double bound) {
        Object number = number(bound);
        return String.valueOf(number);
    }
}
