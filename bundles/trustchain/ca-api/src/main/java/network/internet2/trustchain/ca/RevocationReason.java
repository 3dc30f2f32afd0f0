package network.internet2.trustchain.ca;

/** Revocation reasons of RFC 5280, section 5.3.1, with their CRLReason codes. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    REMOVE_FROM_CRL(8),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** @return the CRLReason code of RFC 5280 */
    public int code() {
        return code;
    }

    /**
     * Parses a reason given by name, in any case and with {@code -} or {@code _}
     * ({@code keyCompromise}, {@code key-compromise}, {@code KEY_COMPROMISE}), or by code.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RevocationReason parse(String text) {
        String wanted = text.trim().replace("-", "").replace("_", "");
        for (RevocationReason reason : values()) {
            if (reason.name().replace("_", "").equalsIgnoreCase(wanted) || String.valueOf(reason.code).equals(wanted)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason '" + text + "'; use one of "
                + java.util.Arrays.toString(values()));
    }
}
