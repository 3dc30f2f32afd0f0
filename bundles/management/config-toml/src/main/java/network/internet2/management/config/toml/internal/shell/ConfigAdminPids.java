package network.internet2.management.config.toml.internal.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import network.internet2.management.config.toml.internal.ApplyFailedException;

/** Reads and merges PID properties in ConfigAdmin. */
final class ConfigAdminPids {

    private ConfigAdminPids() {
    }

    /** @return PID → properties of those PIDs that have a configuration (a PID never configured is left out) */
    static Map<String, Map<String, Object>> read(ConfigurationAdmin admin, Collection<String> pids)
            throws IOException, InvalidSyntaxException {
        Map<String, Map<String, Object>> read = new TreeMap<>();
        for (String pid : pids) {
            Configuration configuration = existing(admin, pid);
            if (configuration != null && configuration.getProperties() != null) {
                read.put(pid, asMap(configuration.getProperties()));
            }
        }
        return read;
    }

    /**
     * One PID to update: its configuration as found (null if none), its properties
     * before (null if it had none), and its properties after.
     */
    private record Step(String pid, Configuration configuration, Hashtable<String, Object> before,
            Hashtable<String, Object> after) {
    }

    private record Updated(Step step, Configuration configuration) {
    }

    /**
     * Sets the properties, keeping every other property of each PID; a PID none of
     * whose values changes is not updated (its component is not restarted). All or
     * nothing: every PID's new properties are computed first, then the PIDs are
     * updated; if one update fails, the PIDs already updated get their previous
     * properties back (a configuration that did not exist, or had no properties, is
     * deleted).
     *
     * @param apply false to only compute the changes
     * @return every property set, with its value before
     * @throws ApplyFailedException naming the PID that failed and the PIDs restored
     */
    static List<PropertyChange> merge(ConfigurationAdmin admin, Map<String, Map<String, String>> pids, boolean apply)
            throws IOException, InvalidSyntaxException {
        List<PropertyChange> all = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> pid : new TreeMap<>(pids).entrySet()) {
            Configuration configuration = existing(admin, pid.getKey());
            Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
            Map<String, Object> before = properties == null ? Map.of() : asMap(properties);
            List<PropertyChange> changes = PidMerge.changes(pid.getKey(), before, pid.getValue());
            all.addAll(changes);
            if (changes.stream().anyMatch(PropertyChange::changes)) {
                steps.add(new Step(pid.getKey(), configuration, properties == null ? null : new Hashtable<>(before),
                        PidMerge.merged(before, pid.getValue())));
            }
        }
        if (apply) {
            apply(admin, steps);
        }
        return all;
    }

    private static void apply(ConfigurationAdmin admin, List<Step> steps) throws ApplyFailedException {
        // each PID updated so far, with the configuration object it was updated through
        List<Updated> updated = new ArrayList<>();
        for (Step step : steps) {
            Configuration configuration = step.configuration();
            try {
                if (configuration == null) {
                    // "?": not bound to a bundle, like the configurations Karaf's fileinstall creates
                    configuration = admin.getConfiguration(step.pid(), "?");
                }
                configuration.update(step.after());
            } catch (IOException | RuntimeException e) {
                List<String> restored = new ArrayList<>();
                List<String> notRestored = new ArrayList<>();
                if (step.configuration() == null && configuration != null) {
                    // created for this update, which failed: it must not stay behind, empty
                    try {
                        configuration.delete();
                    } catch (IOException | RuntimeException f) {
                        e.addSuppressed(f);
                        notRestored.add(step.pid() + " (created empty, could not delete it: " + f + ")");
                    }
                }
                for (int i = updated.size() - 1; i >= 0; i--) {
                    Updated each = updated.get(i);
                    try {
                        if (each.step().before() == null) {
                            each.configuration().delete();
                        } else {
                            each.configuration().update(each.step().before());
                        }
                        restored.add(each.step().pid());
                    } catch (IOException | RuntimeException f) {
                        e.addSuppressed(f);
                        notRestored.add(each.step().pid() + " (" + f + ")");
                    }
                }
                throw new ApplyFailedException(step.pid(), restored, notRestored, e);
            }
            updated.add(new Updated(step, configuration));
        }
    }

    private static Configuration existing(ConfigurationAdmin admin, String pid)
            throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
        return found == null || found.length == 0 ? null : found[0];
    }

    private static Map<String, Object> asMap(Dictionary<String, Object> properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        return map;
    }
}
