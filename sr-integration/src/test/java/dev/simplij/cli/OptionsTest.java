package dev.simplij.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Set<String> FLAGS = Set.of("--quiet", "--help");
    private static final Set<String> VALUED = Set.of("--seed", "--out", "--set", "--timeout", "--threads");

    private static Options parse(String... args) {
        return Options.parse(List.of(args), FLAGS, VALUED);
    }

    private static Options parseWithPositionals(String... args) {
        return Options.parseWithPositionals(List.of(args), FLAGS, VALUED);
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void flagsAndValuesSeparateOrJoinedByEquals() {
        Options o = parse("--quiet", "--seed", "7", "--out=dir/a=b");
        assertTrue(o.has("--quiet"));
        assertFalse(o.has("--help"));
        assertTrue(o.has("--seed"));
        assertFalse(o.has("--threads"));
        assertEquals("7", o.text("--seed", "1"));
        assertEquals("dir/a=b", o.text("--out", null), "only the first '=' separates");
        assertEquals("fallback", o.text("--threads", "fallback"));
        assertEquals(List.of(), o.positionals());
    }

    @Test
    void theNextArgumentIsTheValueWhateverItLooksLike() {
        Options o = parse("--seed", "-3", "--out", "--quiet", "--set", "");
        assertEquals(-3, o.wholeNumber("--seed", 1));
        assertEquals(-3, o.integer("--seed", 1));
        assertEquals("--quiet", o.text("--out", null));
        assertFalse(o.has("--quiet"));
        assertEquals("", o.text("--set", null));
        assertEquals("", parse("--out=").text("--out", null));
    }

    @Test
    void aRepeatableOptionKeepsEveryValueAndAOneValueOptionGivenTwiceIsAnError() {
        Options o = parse("--set", "a=1", "--seed", "1", "--set=b=2", "--seed", "2");
        assertEquals(List.of("a=1", "b=2"), o.all("--set"));
        assertEquals(List.of(), o.all("--out"));
        String twice = "--seed takes one value and was given 2 times ('1', '2')";
        assertEquals(twice, error(() -> o.wholeNumber("--seed", 0, 0)));
        assertEquals(twice, error(() -> o.required("--seed")));
        assertEquals(twice, error(() -> o.text("--seed", null)));
        assertEquals(twice, error(() -> o.decimal("--seed", 0)));
        assertEquals(1, parse("--seed", "1").wholeNumber("--seed", 0, 0));
    }

    @Test
    void unknownOptionsMissingValuesAndStrayArgumentsNameThemselves() {
        assertEquals("unknown option '--sed'", error(() -> parse("--seed", "1", "--sed", "2")));
        assertEquals("unknown option '--sed'", error(() -> parse("--sed=2")));
        assertEquals("unknown option '--'", error(() -> parse("--", "x")));
        assertEquals("--out needs a value", error(() -> parse("--quiet", "--out")));
        assertEquals("--quiet takes no value, got '--quiet=yes'", error(() -> parse("--quiet=yes")));
        assertEquals("unexpected argument 'x1'", error(() -> parse("--quiet", "x1")));
        assertEquals("unexpected argument '-q'", error(() -> parse("-q")));
    }

    @Test
    void requiredValues() {
        assertEquals("--out is required", error(() -> parse("--seed", "1").required("--out")));
        assertEquals("x", parse("--out", "x").required("--out"));
    }

    @Test
    void wholeNumbersWithAMinimum() {
        Options o = parse("--seed", "x", "--threads", "0", "--timeout", "10_000_000");
        assertEquals("--seed needs a whole number, got 'x'", error(() -> o.wholeNumber("--seed", 1, 0)));
        assertEquals("--threads must be at least 1, got 0", error(() -> o.wholeNumber("--threads", 2, 1)));
        assertEquals(0, o.wholeNumber("--threads", 2, 0));
        assertEquals(10_000_000, o.wholeNumber("--timeout", 0, 0), "digits grouped with _");
        assertEquals(5, o.wholeNumber("--out", 5, 10), "the fallback is the command's own choice");
        assertEquals("--seed needs a whole number, got '1.5'", error(() -> parse("--seed", "1.5").wholeNumber("--seed", 1, 0)));
        assertEquals("--seed needs a whole number, got '_'", error(() -> parse("--seed", "_").wholeNumber("--seed", 1, 0)));
        assertEquals("--seed needs a whole number, got '99999999999999999999'",
                error(() -> parse("--seed", "99999999999999999999").wholeNumber("--seed", 1, 0)));
    }

    @Test
    void listsOfWholeNumbers() {
        assertEquals(List.of(1L, 2L, -3L), parse("--seed", "1, 2,-3").wholeNumbers("--seed", List.of(0L)));
        assertEquals(List.of(7L), parse("--seed", "7").wholeNumbers("--seed", List.of(0L)));
        assertEquals(List.of(0L), parse().wholeNumbers("--seed", List.of(0L)));
        assertEquals("--seed needs a whole number, got '1,,2'", error(() -> parse("--seed", "1,,2").wholeNumbers("--seed", List.of())));
        assertEquals("--seed needs a whole number, got '1,x'", error(() -> parse("--seed", "1,x").wholeNumbers("--seed", List.of())));
    }

    @Test
    void integersMustFitAnInt() {
        assertEquals(7, parse("--threads", "7").integer("--threads", 1, 1));
        assertEquals(1, parse().integer("--threads", 1, 1));
        assertEquals(Integer.MIN_VALUE, parse("--threads", "-2147483648").integer("--threads", 1));
        assertEquals("--threads must be at least -2147483648, got -2147483649",
                error(() -> parse("--threads", "-2147483649").integer("--threads", 1)));
        assertEquals("--threads must be at most 2147483647, got 4294967298",
                error(() -> parse("--threads", "4294967298").integer("--threads", 1, 1)));
        assertEquals("--threads must be at least 1, got -1", error(() -> parse("--threads", "-1").integer("--threads", 1, 1)));
    }

    @Test
    void decimals() {
        assertEquals(0.25, parse("--timeout", "0.25").decimal("--timeout", 5), 0);
        assertEquals(1e-20, parse("--timeout=1e-20").decimal("--timeout", 5), 0);
        assertEquals(5, parse().decimal("--timeout", 5), 0);
        assertEquals(Double.NEGATIVE_INFINITY, parse().decimal("--timeout", Double.NEGATIVE_INFINITY, 0), 0,
                "the fallback is not checked");
        assertEquals("--timeout needs a number, got 'soon'", error(() -> parse("--timeout", "soon").decimal("--timeout", 5)));
        assertEquals("--timeout must be at least 0, got -1", error(() -> parse("--timeout", "-1").decimal("--timeout", 5, 0)));
        assertEquals("--timeout must be at least 0.5, got 0.1", error(() -> parse("--timeout", "0.1").decimal("--timeout", 5, 0.5)));
        assertEquals("--timeout must be at least 0, got NaN", error(() -> parse("--timeout", "NaN").decimal("--timeout", 5, 0)));
    }

    @Test
    void positionalsMixWithOptionsAndDoubleDashEndsOptions() {
        Options o = parseWithPositionals("x1 + 1", "--quiet", "-x2", "--seed", "3", "--", "--out", "--", "y");
        assertEquals(List.of("x1 + 1", "-x2", "--out", "--", "y"), o.positionals());
        assertTrue(o.has("--quiet"));
        assertFalse(o.has("--out"));
        assertEquals("3", o.text("--seed", null));
        assertEquals("unknown option '--bogus'", error(() -> parseWithPositionals("x", "--bogus")));
        assertEquals(List.of(), parseWithPositionals("--").positionals());
    }

    @Test
    void immutable() {
        List<String> args = new ArrayList<>(List.of("--set", "a", "x"));
        Options o = Options.parseWithPositionals(args, FLAGS, VALUED);
        args.set(1, "changed");
        assertEquals(List.of("a"), o.all("--set"));
        assertThrows(UnsupportedOperationException.class, () -> o.all("--set").add("b"));
        assertThrows(UnsupportedOperationException.class, () -> o.positionals().add("y"));
    }

    @Test
    void askingForAnUndeclaredOptionIsABugInTheCommand() {
        Options o = parse();
        assertEquals("--sed is not an option of this command", error(() -> o.has("--sed")));
        assertEquals("--sed is not an option of this command that takes a value", error(() -> o.text("--sed", "1")));
        assertEquals("--quiet is not an option of this command that takes a value", error(() -> o.wholeNumber("--quiet", 1, 0)));
        assertEquals("flag 'quiet' must start with -- and not also take a value",
                error(() -> Options.parse(List.of(), Set.of("quiet"), Set.of())));
        assertEquals("flag '--seed' must start with -- and not also take a value",
                error(() -> Options.parse(List.of(), Set.of("--seed"), Set.of("--seed"))));
        assertEquals("option 'seed' must start with --", error(() -> Options.parse(List.of(), Set.of(), Set.of("seed"))));
    }
}
