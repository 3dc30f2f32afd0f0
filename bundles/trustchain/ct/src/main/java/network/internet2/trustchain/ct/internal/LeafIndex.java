package network.internet2.trustchain.ct.internal;

import java.util.function.LongFunction;

/**
 * Finds a leaf's index from its Merkle leaf hash (what {@code get-proof-by-hash}
 * asks). An open-addressing table in memory keyed by the first eight bytes of
 * the hash, 16 bytes per slot and at most three quarters full; a candidate is
 * confirmed by comparing the whole stored leaf hash, so a key collision never
 * returns the wrong leaf. Rebuilt from the stored leaf hashes when the log opens.
 */
final class LeafIndex {

    private long[] slots = new long[2 * 1024];
    private long count;

    void put(byte[] leafHash, long index) {
        if ((count + 1) * 4 > (long) (slots.length / 2) * 3) {
            grow();
        }
        insert(slots, key(leafHash), index);
        count++;
    }

    /**
     * @param storedHash reads the leaf hash stored for an index
     * @return the smallest index whose leaf hash equals {@code leafHash} and is below {@code limit}, or -1
     */
    long find(byte[] leafHash, long limit, LongFunction<byte[]> storedHash) {
        long key = key(leafHash);
        int mask = slots.length / 2 - 1;
        long best = -1;
        for (int slot = mix(key) & mask;; slot = (slot + 1) & mask) {
            long value = slots[2 * slot + 1];
            if (value == 0) {
                return best;
            }
            long index = value - 1;
            if (slots[2 * slot] == key && index < limit && (best < 0 || index < best)
                    && java.util.Arrays.equals(storedHash.apply(index), leafHash)) {
                best = index;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int slot = 0; slot < slots.length / 2; slot++) {
            if (slots[2 * slot + 1] != 0) {
                insert(bigger, slots[2 * slot], slots[2 * slot + 1] - 1);
            }
        }
        slots = bigger;
    }

    private static void insert(long[] table, long key, long index) {
        int mask = table.length / 2 - 1;
        int slot = mix(key) & mask;
        while (table[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = index + 1;
    }

    private static long key(byte[] hash) {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (hash[i] & 0xFF);
        }
        return key;
    }

    private static int mix(long key) {
        return (int) (key ^ (key >>> 29) ^ (key >>> 47));
    }
}
