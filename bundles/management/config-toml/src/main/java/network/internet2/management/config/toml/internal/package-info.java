/**
 * The seed's TOML configuration ({@code config/production.toml}: {@code [global]},
 * {@code [stoq.performance]}, {@code [hypermesh.consensus]}, {@code [trustchain.ca]},
 * {@code [trustchain.dns]}, plus our own keys) mapped onto the node's ConfigAdmin
 * PIDs, and back.
 *
 * <p>{@link network.internet2.management.config.toml.internal.SeedKeys} is the one
 * table of what each {@code table.key} means: a property of a PID
 * ({@link network.internet2.management.config.toml.internal.MappedKey}) or a value
 * the node accepts without it changing anything, for a reason it states
 * ({@link network.internet2.management.config.toml.internal.FixedKey}).
 * {@link network.internet2.management.config.toml.internal.TomlImport} reads a file:
 * every bad value is refused at once, naming its key, and then nothing is applied;
 * unknown tables and keys are reported as warnings.
 * {@link network.internet2.management.config.toml.internal.TomlExport} writes PID
 * properties back as TOML, so that import after export gives the same values.
 * {@link network.internet2.management.config.toml.internal.CfgFiles} merges the
 * result into Karaf's {@code etc/<pid>.cfg} files, and
 * {@link network.internet2.management.config.toml.internal.Main} is what
 * {@code deploy-internet2.sh start --config} runs with plain {@code java -cp}.
 *
 * <p>Nothing in this package touches OSGi, so that it runs outside the node; the
 * Karaf commands are in the {@code shell} package below. Nothing is exported.
 */
package network.internet2.management.config.toml.internal;
