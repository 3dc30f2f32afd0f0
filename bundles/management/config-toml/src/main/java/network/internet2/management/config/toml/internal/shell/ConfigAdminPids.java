package network.internet2.management.config.toml.internal.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

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
     * Sets the properties, PID by PID, keeping every other property of each PID; a
     * PID none of whose values changes is not updated (its component is not restarted).
     *
     * @param apply false to only compute the changes
     * @return every property set, with its value before
     */
    static List<PropertyChange> merge(ConfigurationAdmin admin, Map<String, Map<String, String>> pids, boolean apply)
            throws IOException, InvalidSyntaxException {
        List<PropertyChange> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> pid : new TreeMap<>(pids).entrySet()) {
            Configuration configuration = existing(admin, pid.getKey());
            Map<String, Object> before = configuration == null || configuration.getProperties() == null
                    ? Map.of() : asMap(configuration.getProperties());
            List<PropertyChange> changes = PidMerge.changes(pid.getKey(), before, pid.getValue());
            all.addAll(changes);
            if (apply && changes.stream().anyMatch(PropertyChange::changes)) {
                if (configuration == null) {
                    // "?": not bound to a bundle, like the configurations Karaf's fileinstall creates
                    configuration = admin.getConfiguration(pid.getKey(), "?");
                }
                configuration.update(PidMerge.merged(before, pid.getValue()));
            }
        }
        return all;
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
