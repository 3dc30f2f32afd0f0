/**
 * TrustChain CA REST: the node's certificate authority over HTTP, under
 * {@code /trustchain/ca} on Karaf's HTTP service.
 *
 * <p>Anyone who can reach the node's (loopback) HTTP port reads the public CA
 * material: the root ({@code GET root}), the issuing chain ({@code GET chain}),
 * the CRL ({@code GET crl}) and issued certificates ({@code GET certificates/<serial>}).
 * Requests that act on the CA — issuing from a PKCS#10 request
 * ({@code POST certificates}), revoking ({@code POST certificates/<serial>/revoke})
 * and validating a presented chain ({@code POST validate}) — need HTTP Basic
 * credentials of a user with role {@code admin} in Karaf's JAAS realm {@code karaf}
 * unless the configuration {@code network.internet2.trustchain.ca.rest} sets
 * {@code require.authentication = false} (the development profile does).
 *
 * <p>Errors are JSON objects {@code {"error": "..."}} whose message says what to
 * change; a refused request never changes the CA. The servlet is registered only
 * while a {@link network.internet2.trustchain.ca.CertificateAuthority} is.
 */
package network.internet2.trustchain.ca.rest.internal;
