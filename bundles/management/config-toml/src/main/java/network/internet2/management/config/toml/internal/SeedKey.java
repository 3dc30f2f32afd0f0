package network.internet2.management.config.toml.internal;

/** One key of the TOML file: {@code key} in table {@code [table]}. */
sealed interface SeedKey permits MappedKey, FixedKey {

    /** @return the table, dotted as in the file header: {@code stoq.performance} */
    String table();

    /** @return the key inside the table: {@code target_throughput_gbps} */
    String key();

    /** @return {@code table.key}, how messages name the key */
    default String path() {
        return table() + "." + key();
    }
}
