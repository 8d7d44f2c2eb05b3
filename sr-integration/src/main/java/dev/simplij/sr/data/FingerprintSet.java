package dev.simplij.sr.data;

/**
 * A set of 64-bit fingerprints in one primitive open-addressing table (linear probing, no per-entry
 * objects): 8 bytes a slot, doubled when 3/4 full, so 100 million entries fit in 1 GiB and 400
 * million in 4 GiB (while doubling, the old table is held too). The table grows up to a configured
 * maximum number of entries; past it {@link #add} throws rather than silently degrade.
 *
 * <p>Two distinct skeletons share a fingerprint with probability about {@code 2^-64}; among
 * {@code n} distinct skeletons the chance that any two collide is about {@code n^2 / 2^65}:
 * 3e-4 for {@code n = 10^8}, 0.5% for {@code 4 * 10^8}. A collision makes the generator drop one
 * distinct skeleton as a duplicate, never write a duplicate.
 *
 * <p>Not thread-safe: the generator feeds it from one thread, in a fixed order, which is what makes
 * deduplication deterministic.
 */
public final class FingerprintSet {
    /** The empty-slot marker; the fingerprint 0 itself is kept in a flag beside the table. */
    private static final long EMPTY = 0L;
    /** 2^30 slots (8 GiB): Java arrays stop just short of 2^31 elements. */
    private static final int MAX_TABLE_BITS = 30;

    private final long maxEntries;
    private long[] table;
    private int mask;
    private long size;
    private long growAt;
    private boolean zeroTaken;

    /**
     * @param expectedEntries how many entries to size the first table for (it grows as needed)
     * @param maxEntries      the most entries ever held, at most 805 million (2^30 slots at 3/4)
     */
    public FingerprintSet(long expectedEntries, long maxEntries) {
        long limit = (1L << MAX_TABLE_BITS) / 4 * 3;
        if (maxEntries < 1 || maxEntries > limit) {
            throw new IllegalArgumentException("maxEntries must be in [1, " + limit + "], got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        long wanted = Math.max(16, Math.min(expectedEntries, maxEntries) * 4 / 3 + 1);
        int bits = 64 - Long.numberOfLeadingZeros(wanted - 1);
        allocate(Math.min(bits, MAX_TABLE_BITS));
    }

    private void allocate(int bits) {
        table = new long[1 << bits];
        mask = table.length - 1;
        growAt = (long) table.length / 4 * 3;
    }

    /** Adds a fingerprint; true when it was not there before. */
    public boolean add(long fingerprint) {
        long key = fingerprint;
        if (key == EMPTY) {
            if (zeroTaken) {
                return false;
            }
            zeroTaken = true;
            size++;
            return true;
        }
        int slot = slot(key);
        long[] t = table;
        while (true) {
            long held = t[slot];
            if (held == EMPTY) {
                break;
            }
            if (held == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= maxEntries) {
            throw new IllegalStateException("fingerprint set is full: " + maxEntries
                    + " entries (raise dedupe.maxEntries, memory permitting: 8 bytes / 0.75 an entry)");
        }
        t[slot] = key;
        size++;
        if (size >= growAt) {
            grow();
        }
        return true;
    }

    /** True when the fingerprint has been added. */
    public boolean contains(long fingerprint) {
        if (fingerprint == EMPTY) {
            return zeroTaken;
        }
        int slot = slot(fingerprint);
        while (true) {
            long held = table[slot];
            if (held == EMPTY) {
                return false;
            }
            if (held == fingerprint) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    public long size() {
        return size;
    }

    /** True when {@link #add} of a new fingerprint would throw. */
    public boolean full() {
        return size >= maxEntries;
    }

    /** Bytes held by the table. */
    public long memoryBytes() {
        return (long) table.length * Long.BYTES;
    }

    private int slot(long key) {
        // Fingerprints are already well mixed; one more multiply spreads structured inputs too.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 33) & mask;
    }

    private void grow() {
        int bits = Integer.numberOfTrailingZeros(table.length) + 1;
        if (bits > MAX_TABLE_BITS) {
            growAt = Long.MAX_VALUE;
            return;
        }
        long[] old = table;
        allocate(bits);
        for (long key : old) {
            if (key != EMPTY) {
                int slot = slot(key);
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            }
        }
    }
}
