package network.internet2.hypermesh.cpu;

import network.internet2.hypermesh.asset.AssetException;

/** A run of a {@link CpuBudget} reached one of its limits and was stopped. */
public class CpuBudgetExceededException extends AssetException {

    private static final long serialVersionUID = 1L;

    /** The limit a run reached. */
    public enum Limit {
        /** The run's total CPU-time cap. */
        CPU_TIME,
        /** The run's wall-clock limit. */
        WALL_CLOCK
    }

    private final Limit limit;

    public CpuBudgetExceededException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** @return which limit was reached */
    public Limit limit() {
        return limit;
    }
}
