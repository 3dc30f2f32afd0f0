package network.internet2.management.config.toml.internal;

/**
 * A TOML key that sets one property of one PID.
 *
 * @param table    the TOML table
 * @param key      the key in the table
 * @param pid      the ConfigAdmin PID it sets
 * @param property the property of that PID
 * @param kind     the values it takes
 */
record MappedKey(String table, String key, String pid, String property, ValueKind kind) implements SeedKey {
}
