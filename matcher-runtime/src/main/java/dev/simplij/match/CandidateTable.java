package dev.simplij.match;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * An immutable map from 64-bit keys to lists of pattern ids, laid out for lookups that mostly miss:
 * a bit filter answers most misses from a small array; otherwise one open-addressing probe reads
 * the key and its list's place side by side (one cache line, where a general map reads a key
 * array, a value array and the list object), and all lists lie back to back in one id array.
 * A list is returned packed as {@code start << 32 | length} into {@link #ids}, 0 when empty; beside
 * each id, at the same place in {@link #checks}, lies its pattern's {@link ShapeCheck}.
 */
final class CandidateTable {
    /** Key and packed list of each slot, interleaved; length 0 marks an empty slot. */
    private final long[] slots;
    private final int mask;
    private final int[] ids;
    private final long[] checks;
    /**
     * One bit per key (by the key's top bits): a clear bit answers a lookup without a probe into the
     * slots, which are large.
     */
    private final long[] keyFilter;
    private final int filterShift;

    /** @param patternChecks the {@link ShapeCheck} of each pattern id */
    CandidateTable(Long2ObjectOpenHashMap<IntArrayList> lists, long[] patternChecks) {
        int capacity = Integer.highestOneBit(Math.max(2, lists.size() * 2) - 1) * 2;
        slots = new long[2 * capacity];
        mask = capacity - 1;
        int total = 0;
        for (IntArrayList list : lists.values()) {
            total += list.size();
        }
        ids = new int[total];
        checks = new long[total];
        // about 16 bits per key: few false positives, and small enough to stay in a near cache
        int bits = Math.max(64, Integer.highestOneBit(Math.max(1, lists.size() * 16) - 1) * 2);
        keyFilter = new long[bits / 64];
        filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        int start = 0;
        for (Long2ObjectMap.Entry<IntArrayList> entry : lists.long2ObjectEntrySet()) {
            long key = entry.getLongKey();
            IntArrayList list = entry.getValue();
            list.getElements(0, ids, start, list.size());
            for (int i = start; i < start + list.size(); i++) {
                checks[i] = patternChecks[ids[i]];
            }
            int slot = slotOf(key);
            while (slots[2 * slot + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = key;
            slots[2 * slot + 1] = (long) start << 32 | list.size();
            start += list.size();
            int bit = (int) (key >>> filterShift);
            keyFilter[bit >>> 6] |= 1L << bit;
        }
    }

    private int slotOf(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** The list of {@code key}, packed as {@code start << 32 | length} into {@link #ids}; 0 when there is none. */
    long get(long key) {
        int bit = (int) (key >>> filterShift);
        if ((keyFilter[bit >>> 6] & (1L << bit)) == 0) {
            return 0;
        }
        long[] s = slots;
        for (int slot = slotOf(key); ; slot = (slot + 1) & mask) {
            long list = s[2 * slot + 1];
            if (list == 0 || s[2 * slot] == key) {
                return list;
            }
        }
    }

    /** The ids of all lists, back to back. */
    int[] ids() {
        return ids;
    }

    /** The {@link ShapeCheck} of each id of {@link #ids}, at the same place. */
    long[] checks() {
        return checks;
    }
}
