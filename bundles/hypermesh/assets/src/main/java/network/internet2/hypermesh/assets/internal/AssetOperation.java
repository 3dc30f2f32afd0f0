package network.internet2.hypermesh.assets.internal;

import java.util.Locale;

/** The registry operations counted by the metrics ({@code operation} tag). */
enum AssetOperation {
    ALLOCATE, RELEASE, RENEW;

    /** @return the name the metrics tag it with */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
