package network.internet2.management.health.internal;

import java.util.List;

/**
 * The layers of the stack, how their bundles are recognised, and the core
 * services each layer provides once complete.
 */
enum Layer {
    STOQ("stoq", List.of("network.internet2.stoq.StoqTransport")),
    TRUSTCHAIN("trustchain", List.of(
            "network.internet2.trustchain.ca.CertificateAuthority",
            "network.internet2.trustchain.ct.TransparencyLog",
            "network.internet2.trustchain.dns.NameService")),
    HYPERMESH("hypermesh", List.of(
            "network.internet2.hypermesh.asset.AssetRegistry",
            "network.internet2.hypermesh.proof.ConsensusService"));

    private final String id;
    private final List<String> coreServices;

    Layer(String id, List<String> coreServices) {
        this.id = id;
        this.coreServices = coreServices;
    }

    String id() {
        return id;
    }

    List<String> coreServices() {
        return coreServices;
    }

    /** Implementation bundles of this layer: {@code network.internet2.<layer>.*}, API bundles excepted. */
    boolean ownsImplementation(String symbolicName) {
        return symbolicName.startsWith("network.internet2." + id + ".") && !symbolicName.endsWith(".api");
    }
}
