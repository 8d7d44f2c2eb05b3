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
 * How long does simplifying one expression of 5 to 40 tokens take on one core, with the default
 * rules? Sample-time mode times every call separately, so JMH reports the median (p0.50) and the
 * tail per expression, not only a mean; the 15-token median is the figure of the README.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimplifyBySizeBenchmark extends SimplifyInputs {
    @Param({"5", "10", "15", "20", "30", "40"})
    int tokens;

    @Override
    int tokens() {
        return tokens;
    }
}
