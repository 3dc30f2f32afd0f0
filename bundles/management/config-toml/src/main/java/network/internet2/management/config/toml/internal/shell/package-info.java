/**
 * Karaf shell commands of the TOML configuration, scope {@code internet2}:
 * {@code internet2:config-import <file>} validates a TOML file in the seed's format
 * and merges what it sets into the running node's ConfigAdmin configurations
 * (other keys of those PIDs stay; a refused file changes nothing), and
 * {@code internet2:config-export [file]} writes the node's configuration back as
 * TOML. Both complete file names. The mapping itself is in the parent package.
 * The bundle carries {@code Karaf-Commands} naming this package (see
 * {@code bnd.bnd}). Nothing here is exported.
 */
package network.internet2.management.config.toml.internal.shell;
