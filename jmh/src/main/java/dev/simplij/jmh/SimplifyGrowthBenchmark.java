package dev.simplij.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does the cost of simplifying grow near-linearly with input size, up to 1,000 tokens? Time per
 * expression at each size, sampled per call (the median resists other processes taking the core
 * away mid-measurement better than the mean); divided by the size it gives the cost per token,
 * which should stay roughly flat (the index finds candidate rules per node in O(1), nothing
 * rescans the tree).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimplifyGrowthBenchmark extends SimplifyInputs {
    @Param({"10", "30", "100", "300", "1000"})
    int tokens;

    @Override
    int tokens() {
        return tokens;
    }
}
