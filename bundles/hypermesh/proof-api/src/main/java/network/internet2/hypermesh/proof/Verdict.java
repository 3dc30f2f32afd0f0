package network.internet2.hypermesh.proof;

/**
 * The outcome of a verification.
 *
 * @param valid  whether the proof holds
 * @param reason why not, or {@code ok}
 */
public record Verdict(boolean valid, String reason) {

    private static final Verdict OK = new Verdict(true, "ok");

    /** @return the verdict of a proof that holds */
    public static Verdict ok() {
        return OK;
    }

    /** @return the verdict of a proof refused for {@code reason} */
    public static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
