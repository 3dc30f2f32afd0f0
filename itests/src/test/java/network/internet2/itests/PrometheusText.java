package network.internet2.itests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
 * {@code # HELP}/{@code # TYPE} lines and samples {@code name{label="value",…} value [timestamp]}. Any line that
 * does not follow the grammar, a TYPE that is not one of the five, a sample that belongs to no declared family or a
 * value that is not a float fails with the line named. Used by the integration tests to read {@code GET /metrics}.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The families by name, with their type and samples. */
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    if (parsed.types.put(type.group(1), type.group(2)) != null) {
                        throw new IllegalArgumentException("line " + number + ": family declared twice: " + line);
                    }
                    parsed.samples.put(type.group(1), new ArrayList<>());
                } else if (!HELP.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + number + ": not a HELP or TYPE line: " + line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + number + ": not a sample: " + line);
            }
            String name = sample.group(1);
            String family = parsed.familyOf(name);
            if (family == null) {
                throw new IllegalArgumentException("line " + number + ": sample of no declared family: " + line);
            }
            parsed.samples.get(family).add(new Sample(name, labels(sample.group(3), number), value(sample.group(4), number)));
        }
        return parsed;
    }

    /** The declared family a sample name belongs to (histograms and summaries add suffixes). */
    private String familyOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int number) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) {
                throw new IllegalArgumentException("line " + number + ": bad labels: {" + text + "}");
            }
            labels.put(label.group(1), label.group(2));
            at = label.end();
        }
        return labels;
    }

    private static double value(String text, int number) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + number + ": bad value " + text);
                }
        }
    }

    String type(String family) {
        return types.get(family);
    }

    /** Samples of a family whose name is exactly {@code sampleName} and whose labels include {@code labels}. */
    List<Sample> find(String family, String sampleName, Map<String, String> labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample sample : samples.getOrDefault(family, List.of())) {
            if (sample.name().equals(sampleName) && sample.labels().entrySet().containsAll(labels.entrySet())) {
                found.add(sample);
            }
        }
        return found;
    }

    /** Sum of the matching samples' values. */
    double sum(String family, String sampleName, Map<String, String> labels) {
        return find(family, sampleName, labels).stream().mapToDouble(Sample::value).sum();
    }
}
