package network.internet2.management.health.internal;

import java.util.List;

/**
 * The layers of the stack, how their bundles are recognised, and which
 * services each layer must provide once it is installed.
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
    private final List<String> requiredServices;

    Layer(String id, List<String> requiredServices) {
        this.id = id;
        this.requiredServices = requiredServices;
    }

    String id() {
        return id;
    }

    List<String> requiredServices() {
        return requiredServices;
    }

    /** Implementation bundles of this layer: {@code network.internet2.<layer>.*}, API bundles excepted. */
    boolean ownsImplementation(String symbolicName) {
        return symbolicName.startsWith("network.internet2." + id + ".") && !symbolicName.endsWith(".api");
    }
}
