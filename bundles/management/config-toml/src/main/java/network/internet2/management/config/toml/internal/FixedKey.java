package network.internet2.management.config.toml.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A key of the seed the node honours without any setting: the one value it
 * accepts is what the node always does (so it has no effect), and any other
 * value is refused because the node cannot do it.
 *
 * @param table          the TOML table
 * @param key            the key in the table
 * @param accepted       the one value accepted
 * @param noEffect       why the accepted value changes nothing
 * @param otherValues    why any other value is refused
 */
record FixedKey(String table, String key, JsonNode accepted, String noEffect, String otherValues)
        implements SeedKey {
}
