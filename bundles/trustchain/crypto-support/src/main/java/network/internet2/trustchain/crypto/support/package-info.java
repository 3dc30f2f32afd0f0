/**
 * Shared by the crypto suite bundles and embedded privately into each of them
 * (bnd {@code -conditionalpackage}): a {@link network.internet2.trustchain.crypto.support.KeyType}
 * knows how to generate, decode and recognise the keys of one algorithm, a
 * {@link network.internet2.trustchain.crypto.support.SignatureScheme} signs and
 * verifies with them through a given JCA provider. Never exported.
 */
package network.internet2.trustchain.crypto.support;
