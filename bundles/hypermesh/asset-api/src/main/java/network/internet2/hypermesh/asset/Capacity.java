package network.internet2.hypermesh.asset;

/**
 * How much of a kind of asset there is.
 *
 * @param total the amount the adapter offers (may be zero where the machine has none)
 * @param unit  the unit of amounts, e.g. {@code bytes}, {@code millicores}, {@code devices}
 */
public record Capacity(long total, String unit) {

    public Capacity {
        if (total < 0) {
            throw new IllegalArgumentException("capacity cannot be negative: " + total);
        }
    }
}
