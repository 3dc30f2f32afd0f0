package network.internet2.trustchain.ca.internal;

import java.util.Locale;

/** The CA operations that are timed: what {@link CaOperationObserver} is told of. */
enum CaOperation {
    ISSUE, RENEW, REVOKE, VALIDATE;

    /** @return the operation as a metric tag: {@code issue}, {@code renew}, {@code revoke}, {@code validate} */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
