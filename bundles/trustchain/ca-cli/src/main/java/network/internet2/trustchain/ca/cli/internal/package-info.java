/**
 * Karaf shell commands of the TrustChain certificate authority, for an operator
 * at the node's console:
 * {@code trustchain:info} (root and current intermediate, counts),
 * {@code trustchain:issue} (a certificate for a PEM CSR file),
 * {@code trustchain:list} (issued certificates and their status),
 * {@code trustchain:revoke} (with an RFC 5280 reason) and
 * {@code trustchain:rotate} (a new intermediate).
 *
 * <p>The commands only call the {@link network.internet2.trustchain.ca.CertificateAuthority}
 * service; Karaf registers them while that service is present. User errors (a bad
 * file, a malformed CSR, an unknown serial, a bad reason) fail the command with a
 * one-line message and no stack trace. The bundle carries the header
 * {@code Karaf-Commands: network.internet2.trustchain.ca.cli.internal} (see
 * {@code bnd.bnd}) and is installed by the {@code trustchain-ca} feature when the
 * {@code shell} feature is there. Nothing here is exported.
 */
package network.internet2.trustchain.ca.cli.internal;
