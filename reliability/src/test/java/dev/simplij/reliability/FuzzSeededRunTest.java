package dev.simplij.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short, seeded Jazzer run of the parser fuzz target: the long campaign is {@code simplij fuzz}. */
class FuzzSeededRunTest {
    private static final long SEED = 20_261_123L;
    private static final long RUNS = 30_000;

    @Test
    void seededJazzerRunFindsNoCrash(@TempDir Path dir) throws Exception {
        FuzzCampaign.Result r = FuzzCampaign.run(new FuzzCampaign.Settings(SEED, RUNS, 120, 1024, dir), null);
        assertEquals(0, r.crashes(), () -> "Jazzer seed " + SEED + " found crashes, reproducers in " + dir
                + "/crashes: " + r.findings());
        assertEquals(0, r.exitCode(), () -> "Jazzer seed " + SEED + " exited " + r.exitCode());
        assertTrue(r.inputs() >= RUNS, () -> "only " + r.inputs() + " inputs ran (seed " + SEED + ")");
    }
}
