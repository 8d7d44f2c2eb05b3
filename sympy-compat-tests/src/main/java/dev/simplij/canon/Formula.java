package dev.simplij.canon;

import dev.simplij.bench.Corpus;
import dev.simplij.bench.CorpusRow;
import dev.simplij.expr.Expr;
import dev.simplij.reliability.RandomExpressions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One formula the benchmark makes variants of, and where formulas come from: seeded random
 * expressions ({@code reliability}'s generator), golden corpora (TSV, {@code input_prefix}) and
 * formula lists (CSV {@code name,formula} in infix, as the Feynman test set).
 *
 * @param corpus the corpus name (the file name, or {@code random} for the generated formulas)
 * @param id     the row's id, or the random expression's seed
 * @param expr   the formula
 */
record Formula(String corpus, String id, Expr expr) {
    /** {@code count} random expressions of {@code minSize..maxSize} tokens; expression i is drawn from seed + i. */
    static List<Formula> random(long seed, int count, int minSize, int maxSize) {
        RandomExpressions generator = new RandomExpressions(minSize, maxSize);
        List<Formula> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Formula("random", Long.toString(seed + i), generator.generate(seed + i)));
        }
        return out;
    }

    /** The formulas of a golden corpus ({@code .tsv}) or a formula list ({@code .csv}: name, infix formula). */
    static List<Formula> read(Path file) {
        String name = file.getFileName().toString(); // with its extension: random.tsv is not the generated random
        List<Formula> out = new ArrayList<>();
        if (file.toString().endsWith(".tsv")) {
            for (CorpusRow row : Corpus.read(file).rows()) {
                out.add(new Formula(name, row.id(), Expr.parsePrefix(row.inputPrefix())));
            }
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 1; i < lines.size(); i++) { // line 1 is the header
            String line = lines.get(i).strip();
            int comma = line.indexOf(',');
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (comma < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected name,formula");
            }
            out.add(new Formula(name, line.substring(0, comma), Expr.parseInfix(line.substring(comma + 1))));
        }
        return out;
    }
}
