package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import network.internet2.hypermesh.proof.ConsensusService;

/**
 * The seed's TOML configuration on the real node: {@code internet2:config-import}
 * merges a file into ConfigAdmin (other keys of the PIDs stay, a PID whose values
 * do not change is left alone) and the consensus component is reconfigured;
 * {@code internet2:config-export} writes the node's configuration back, and
 * importing that export changes nothing; a file with bad values is refused with
 * every bad key named, and nothing changes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TomlConfigIT extends Internet2TestSupport {

    private static final String CONSENSUS = "network.internet2.hypermesh.consensus";
    private static final String STOQ = "network.internet2.stoq.transport";
    private static final String ALERTS = "network.internet2.management.alerts";

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    /** The stack and the consensus service, whose validation timeout the TOML sets. */
    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"internet2", "hypermesh-consensus"};
    }

    @Test
    public void importMergesIntoConfigAdminReconfiguresAndExportRoundTrips() throws Exception {
        waitForCommands();
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
        // a key of the consensus PID the TOML does not name: it must stay
        Configuration consensus = admin.getConfiguration(CONSENSUS, "?");
        Hashtable<String, Object> withAge = new Hashtable<>(properties(consensus));
        withAge.put("max.age.seconds", "120");
        consensus.update(withAge);
        Map<String, Object> stoqBefore = properties(admin.getConfiguration(STOQ, "?"));

        Path toml = Files.createTempFile("node", ".toml");
        Files.writeString(toml, """
                [global]
                bind_address = "::1"
                port = %d
                [hypermesh.consensus]
                mandatory_four_proof = true
                validation_timeout = "250ms"
                [trustchain.ca]
                ca_mode = "embedded"
                [management.alerts]
                stoq_throughput_alert_ratio = 0.5
                consensus_validation_max = "150ms"
                [legacy]
                http_gateway = true
                """.formatted(stoqPort()), StandardCharsets.UTF_8);
        String imported = executeCommand("internet2:config-import " + toml);
        assertTrue(imported, imported.contains("validation.timeout.ms"));
        assertTrue(imported, imported.contains("Warning: unknown key legacy.http_gateway: ignored"));
        assertTrue(imported, imported.contains("Note: trustchain.ca.ca_mode = \"embedded\": accepted, no effect"));
        assertTrue(imported, imported.contains("Imported " + toml + ": "));

        Map<String, Object> consensusAfter = properties(admin.getConfiguration(CONSENSUS, "?"));
        assertEquals("250", consensusAfter.get("validation.timeout.ms"));
        assertEquals("true", String.valueOf(consensusAfter.get("mandatory.four.proof")));
        assertEquals("the key the TOML does not name stays", "120", consensusAfter.get("max.age.seconds"));
        assertNotNull("fileinstall's link to etc/ stays", consensusAfter.get("felix.fileinstall.filename"));
        Map<String, Object> alerts = properties(admin.getConfiguration(ALERTS, "?"));
        assertEquals("0.5", alerts.get("stoq.throughput.alert.ratio"));
        assertEquals("150", alerts.get("consensus.validation.max.ms"));
        assertEquals("the STOQ values were the same: its configuration is untouched", stoqBefore,
                properties(admin.getConfiguration(STOQ, "?")));

        // the consensus component runs with the new configuration
        ConsensusService reconfigured = service(ConsensusService.class, "(validation.timeout.ms=250)");
        assertNotNull(reconfigured);

        Path exported = Files.createTempDirectory("export").resolve("exported.toml");
        String export = executeCommand("internet2:config-export " + exported);
        assertTrue(export, export.contains("Exported to " + exported));
        String text = Files.readString(exported, StandardCharsets.UTF_8);
        assertTrue(text, text.contains("\n[hypermesh.consensus]\nmandatory_four_proof = true\n"
                + "validation_timeout = \"250ms\"\n"));
        assertTrue(text, text.contains("\nport = " + stoqPort() + "\n"));
        assertTrue(text, text.contains("\nstoq_throughput_alert_ratio = 0.5\n"));
        assertTrue(text, text.contains("\nconsensus_validation_max = \"150ms\"\n"));
        try {
            executeCommand("internet2:config-export " + exported);
            fail("an existing file is overwritten only with --force");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("give --force to overwrite it"));
        }

        // the export imports back without changing anything
        String again = executeCommand("internet2:config-import --dry-run " + exported);
        assertTrue(again, again.contains("Dry run, nothing changed: 0 of "));
        assertFalse(again, again.contains("Warning:"));
    }

    @Test
    public void refusesBadValuesNamingEachKeyAndChangesNothing() throws Exception {
        waitForCommands();
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
        Map<String, Object> consensusBefore = properties(admin.getConfiguration(CONSENSUS, "?"));
        Map<String, Object> stoqBefore = properties(admin.getConfiguration(STOQ, "?"));

        Path toml = Files.createTempFile("bad", ".toml");
        Files.writeString(toml, """
                [global]
                bind_address = "10.0.0.1"
                port = 70000
                [hypermesh.consensus]
                mandatory_four_proof = false
                validation_timeout = 100
                [trustchain.dns]
                dns_mode = "external"
                """, StandardCharsets.UTF_8);
        try {
            executeCommand("internet2:config-import " + toml);
            fail("a file with bad values must be refused");
        } catch (Exception refused) {
            String message = refused.getMessage();
            assertTrue(message, message.contains("configuration refused, nothing was applied (4 problems)"));
            assertTrue(message, message.contains("global.bind_address: \"10.0.0.1\" is an IPv4 address"));
            assertTrue(message, message.contains("global.port: 70000 is not a port"));
            assertTrue(message, message.contains("hypermesh.consensus.validation_timeout: must be a duration"));
            assertTrue(message, message.contains("trustchain.dns.dns_mode: the string \"external\" is refused"));
        }
        assertEquals("the valid mandatory_four_proof = false was not applied either", consensusBefore,
                properties(admin.getConfiguration(CONSENSUS, "?")));
        assertEquals(stoqBefore, properties(admin.getConfiguration(STOQ, "?")));
    }

    /** Karaf registers a bundle's commands shortly after it starts. */
    private void waitForCommands() throws Exception {
        waitUntil("the internet2:config-* commands are registered", Duration.ofSeconds(60), () -> {
            executeCommand("internet2:config-export");
            return true;
        });
    }

    private static Map<String, Object> properties(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Map<String, Object> map = new HashMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                map.put(key, properties.get(key));
            }
        }
        return map;
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        waitUntil(type.getSimpleName() + (filter == null ? "" : " " + filter) + " is registered",
                Duration.ofSeconds(60), () -> {
                    Collection<ServiceReference<T>> references = bundleContext.getServiceReferences(type, filter);
                    if (!references.isEmpty()) {
                        found.set(bundleContext.getService(references.iterator().next()));
                    }
                    return found.get() != null;
                });
        return found.get();
    }
}
