package network.internet2.hypermesh.assets.internal;

/**
 * Told when the kinds the registry serves change and when an allocate, renew
 * or release finishes. Called outside the registry's lock, on the caller's
 * thread: implementations only take note. The metrics component is the one
 * observer; {@link #NONE} stands in while it is absent.
 */
interface AssetObserver {

    /** Takes note of nothing. */
    AssetObserver NONE = new AssetObserver() {
    };

    /** An adapter started or stopped serving a kind: look at the registry's kinds again. */
    default void kindsChanged() {
    }

    /** An operation asked of the registry finished, granted or refused. */
    default void operationFinished(AssetOperation operation, boolean succeeded) {
    }
}
