/**
 * TrustChain CA: the node's embedded certificate authority.
 *
 * <p>On first start it bootstraps, offline, a root and an intermediate, each with
 * a classical key (ECDSA P-256) and a FALCON-1024 alternative key; every
 * certificate it signs is hybrid: the classical signature that TLS stacks check,
 * plus the X.509 alternative-signature extensions ({@code subjectAltPublicKeyInfo},
 * {@code altSignatureAlgorithm}, {@code altSignatureValue}) carrying a FALCON-1024
 * signature. Private keys are kept PBES2-encrypted on disk, owner-readable only;
 * every issued certificate and every revocation is appended to a synced journal
 * before the caller hears of it. All signing and verifying goes through the
 * {@code CryptoSuite} services, so uninstalling {@code crypto-pq} makes hybrid
 * issuance fail with an error naming the missing suite.
 *
 * <p>{@link network.internet2.trustchain.ca.internal.CaMetrics} times every issuance,
 * renewal, revocation and validation, told of each by a
 * {@link network.internet2.trustchain.ca.internal.CaOperationObserver}, and publishes the
 * counts of active and revoked certificates in the node's Micrometer registry.
 */
package network.internet2.trustchain.ca.internal;
