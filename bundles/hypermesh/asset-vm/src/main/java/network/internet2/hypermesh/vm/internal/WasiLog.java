package network.internet2.hypermesh.vm.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chicory's WASI log, sent to SLF4J at TRACE (host calls) or DEBUG (all the
 * rest): what a guest makes WASI say must never reach the node's log at INFO
 * or above, or a module could flood it.
 */
final class WasiLog implements com.dylibso.chicory.log.Logger {

    private static final Logger LOG = LoggerFactory.getLogger(WasiLog.class);

    @Override
    public void log(Level level, String message, Throwable failure) {
        if (level == Level.OFF) {
            return;
        }
        if (level == Level.TRACE || level == Level.ALL) {
            LOG.trace(message, failure);
        } else {
            LOG.debug(message, failure);
        }
    }

    @Override
    public boolean isLoggable(Level level) {
        if (level == Level.OFF) {
            return false;
        }
        return level == Level.TRACE || level == Level.ALL ? LOG.isTraceEnabled() : LOG.isDebugEnabled();
    }
}
