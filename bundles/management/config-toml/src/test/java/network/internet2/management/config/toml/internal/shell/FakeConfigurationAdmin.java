package network.internet2.management.config.toml.internal.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A ConfigurationAdmin in memory, for the tests: plain PIDs only, the
 * {@code (service.pid=...)} filter only, and PIDs whose update fails on demand.
 */
final class FakeConfigurationAdmin implements ConfigurationAdmin {

    private static final Pattern PID_FILTER = Pattern.compile("\\(service\\.pid=([^()*]+)\\)");

    private final Map<String, FakeConfiguration> configurations = new TreeMap<>();
    private final Set<String> failing = new HashSet<>();
    /** Every update and delete, in order: {@code "update <pid>"}, {@code "delete <pid>"}. */
    final List<String> calls = new ArrayList<>();

    /** Stores a configuration, as if the node had it. */
    FakeConfigurationAdmin with(String pid, Map<String, Object> properties) {
        FakeConfiguration configuration = new FakeConfiguration(pid);
        configuration.properties = new Hashtable<>(properties);
        configuration.properties.put("service.pid", pid);
        configurations.put(pid, configuration);
        return this;
    }

    /** Makes every update of {@code pid} fail with an IOException. */
    FakeConfigurationAdmin failingOn(String pid) {
        failing.add(pid);
        return this;
    }

    /** @return the stored properties of {@code pid}, or null if it has no configuration (or none with properties) */
    Map<String, Object> properties(String pid) {
        FakeConfiguration configuration = configurations.get(pid);
        return configuration == null || configuration.properties == null ? null : Map.copyOf(configuration.properties);
    }

    /** @return whether a configuration object exists for {@code pid}, even one without properties */
    boolean exists(String pid) {
        return configurations.containsKey(pid);
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, FakeConfiguration::new);
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    /** Like the specification: only configurations that have properties are listed. */
    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Matcher pid = PID_FILTER.matcher(filter);
        if (!pid.matches()) {
            throw new InvalidSyntaxException("the fake knows only (service.pid=...)", filter);
        }
        FakeConfiguration configuration = configurations.get(pid.group(1));
        return configuration == null || configuration.properties == null ? null
                : new Configuration[] {configuration};
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        throw new UnsupportedOperationException();
    }

    private final class FakeConfiguration implements Configuration {

        private final String pid;
        private Hashtable<String, Object> properties;

        FakeConfiguration(String pid) {
            this.pid = pid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public void update(Dictionary<String, ?> update) throws IOException {
            if (failing.contains(pid)) {
                throw new IOException("cannot store " + pid + ": disk full");
            }
            calls.add("update " + pid);
            Hashtable<String, Object> copy = new Hashtable<>();
            for (String key : Collections.list(update.keys())) {
                copy.put(key, update.get(key));
            }
            copy.put("service.pid", pid);
            properties = copy;
        }

        @Override
        public void delete() {
            calls.add("delete " + pid);
            configurations.remove(pid);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public String getFactoryPid() {
            return null;
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return 0;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attributes) {
            throw new UnsupportedOperationException();
        }
    }
}
