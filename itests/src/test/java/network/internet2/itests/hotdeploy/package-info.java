/**
 * A small asset adapter of kind {@code widget} that the hot-deploy test
 * packs into a bundle of its own at run time and drops into Karaf's
 * {@code deploy/} folder. Its classes also sit in the test probe, but the test
 * reaches the deployed copy only through services: the
 * {@link network.internet2.hypermesh.asset.AssetAdapter} and a
 * {@code java.util.function.Supplier} of its holdings.
 */
package network.internet2.itests.hotdeploy;
