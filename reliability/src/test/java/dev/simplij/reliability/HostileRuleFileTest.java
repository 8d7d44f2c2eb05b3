package dev.simplij.reliability;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleFormatException;
import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and hostile rule files: each is refused with the file, the line (where there is one) and
 * a reason a person can act on.
 */
class HostileRuleFileTest {
    private static final String SOURCE = "hostile.rules";
    private static final List<String> RULES = List.of(
            "- _0 _0 -> 0",
            "/ _0 _0 -> 1",
            "log exp _0 -> _0",
            "pow1_2 pow2 _0 -> abs _0");

    /** A valid file written by {@link RuleSet#write}, as lines. */
    private static List<String> validLines() throws IOException {
        List<Rule> rules = RULES.stream().map(Rule::parse).toList();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("operators", "- / log exp pow1_2 pow2 abs");
        provenance.put("note", "written by a test");
        StringWriter out = new StringWriter();
        RuleSet.of("hostile", provenance, rules).write(out);
        return new ArrayList<>(out.toString().lines().toList());
    }

    private static RuleSet read(List<String> lines) throws IOException {
        return RuleSet.read(new StringReader(String.join("\n", lines) + "\n"), SOURCE);
    }

    private static RuleFormatException refused(List<String> lines, int line, String reason) {
        RuleFormatException e = assertThrows(RuleFormatException.class, () -> read(lines),
                () -> "accepted:\n" + String.join("\n", lines));
        assertEquals(SOURCE, e.source());
        assertEquals(line, e.line(), e::getMessage);
        assertTrue(e.getMessage().contains(reason), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(SOURCE + (line > 0 ? ":" + line : "") + ": "), e::getMessage);
        return e;
    }

    private static int firstRuleLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#")) {
                return i;
            }
        }
        throw new AssertionError("no rule lines");
    }

    /** A file with the given rule lines and a correct count and checksum, so only the rules can be at fault. */
    private static List<String> withRules(List<String> ruleLines) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String line : ruleLines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        lines.add(RuleSet.MAGIC);
        lines.add("# name: hand-made");
        lines.add("# rules: " + ruleLines.size());
        lines.add("# checksum: sha256:" + HexFormat.of().formatHex(digest.digest()));
        lines.addAll(ruleLines);
        return lines;
    }

    @Test
    void theValidFileReadsBack() throws IOException {
        assertEquals(RULES.size(), read(validLines()).size());
    }

    @Test
    void emptyFileIsRefused() {
        RuleFormatException e = assertThrows(RuleFormatException.class,
                () -> RuleSet.read(new StringReader(""), SOURCE));
        assertTrue(e.getMessage().contains("empty rule file"), e::getMessage);
    }

    @Test
    void aFileWithNoRulesAndAMatchingHeaderIsAnEmptyRuleSet() throws Exception {
        assertEquals(0, read(withRules(List.of())).size());
    }

    @Test
    void missingMagicLineIsRefused() throws IOException {
        List<String> lines = validLines();
        lines.remove(0);
        refused(lines, 1, "not a SimpliJ rule file");
    }

    @Test
    void truncatedAtALineBoundaryIsRefused() throws IOException {
        List<String> lines = validLines();
        lines.remove(lines.size() - 1);
        refused(lines, 0, "header declares 4 rules, file has 3 (truncated or edited?)");
    }

    @Test
    void truncatedMidLineIsRefusedWithTheLine() throws IOException {
        List<String> lines = validLines();
        String last = lines.remove(lines.size() - 1);
        lines.add(last.substring(0, last.indexOf("->") + 3));
        refused(lines, lines.size(), "right side: empty expression");
        lines.set(lines.size() - 1, last.substring(0, 8));
        refused(lines, lines.size(), "missing ' -> '");
    }

    @Test
    void truncatedInsideTheHeaderIsRefused() throws IOException {
        List<String> lines = validLines();
        refused(lines.subList(0, 2), 0, "no 'rules' count");
    }

    @Test
    void reorderedRulesAreRefusedByTheChecksum() throws IOException {
        List<String> lines = validLines();
        int first = firstRuleLine(lines);
        String a = lines.get(first);
        lines.set(first, lines.get(first + 1));
        lines.set(first + 1, a);
        refused(lines, 0, "checksum mismatch");
    }

    @Test
    void editedWithoutRegeneratingIsRefusedByTheChecksum() throws IOException {
        List<String> lines = validLines();
        int first = firstRuleLine(lines);
        lines.set(first, "- _0 _0 -> 1");
        refused(lines, 0, "(edited without regenerating?)");
        List<String> noChecksum = validLines();
        noChecksum.removeIf(l -> l.startsWith("# checksum"));
        refused(noChecksum, 0, "header has no checksum");
    }

    @Test
    void unknownOperatorIsRefusedWithTheLine() throws Exception {
        List<String> lines = withRules(List.of("- _0 _0 -> 0", "frob _0 _0 -> 0"));
        refused(lines, 6, "left side: trailing token '_0'");
        // An unknown nullary token reads as a variable; one that only the right side has is refused.
        refused(withRules(List.of("sin _0 -> frob")), 5, "'frob' on the right is not on the left");
    }

    @Test
    void wrongArityIsRefusedWithTheLine() throws Exception {
        refused(withRules(List.of("+ _0 -> _0")), 5, "left side: incomplete expression");
        refused(withRules(List.of("neg neg _0 _1 -> _0")), 5, "left side: trailing token '_1'");
    }

    @Test
    void unboundPlaceholderIsRefusedWithTheLine() throws Exception {
        refused(withRules(List.of("- _0 _0 -> 0", "* 0 _0 -> _1")), 6,
                "placeholder _1 on the right is not bound on the left");
    }

    @Test
    void cyclicRulesAreRefused() throws Exception {
        // Each rule of a cycle a -> b -> a cannot strictly decrease; the one that grows is named.
        refused(withRules(List.of("+ _1 _0 -> + _0 _1", "+ _0 _1 -> + _1 _0")), 6, "right side is not smaller");
        refused(withRules(List.of("* 2 _0 -> + _0 _0", "+ _0 _0 -> * 2 _0")), 6, "right side is not smaller");
        refused(withRules(List.of("sin _0 -> sin _0")), 5, "right side is not smaller");
        refused(withRules(List.of("pow2 _0 -> * _0 _0")), 5, "right side is not smaller");
    }

    @Test
    void duplicateLeftSidesAreRefusedNamingBothLines() throws Exception {
        refused(withRules(List.of("- _0 _0 -> 0", "- _0 _0 -> neg 0")), 6, "already has a rule on line 5");
    }

    @Test
    void bareLeftPlaceholderIsRefused() throws Exception {
        refused(withRules(List.of("_0 -> 0")), 5, "bare placeholder");
    }

    @Test
    void headerAfterRulesAndMalformedHeaderAreRefused() throws IOException {
        List<String> lines = validLines();
        lines.add("# late: header");
        refused(lines, lines.size(), "header line after the first rule");
        List<String> bad = validLines();
        bad.add(1, "# no colon here");
        refused(bad, 2, "header line without 'key: value'");
    }

    @Test
    void hostileTokensInRulesAreRefusedWithTheLine() throws Exception {
        refused(withRules(List.of("+ _0 1e999 -> _0")), 5, "out of the double range");
        refused(withRules(List.of("+ _0 nan -> _0")), 5, "'nan' is not a finite real number");
        refused(withRules(List.of("+ _0 " + "9".repeat(10_000) + " -> _0")), 5, "longer than");
        refused(withRules(List.of("+ _0 \u0663 -> _0")), 5, "left side");
    }

    @Test
    void tenMegabyteRuleLineIsRefusedQuicklyWithAShortMessage() throws Exception {
        String huge = "+ " + "x1 ".repeat(3_500_000) + "-> 0";
        RuleFormatException e = refused(withRules(List.of(huge)), 5, "left side: trailing token");
        assertTrue(e.getMessage().length() < 10_000, "message of " + e.getMessage().length() + " characters");
        RuleFormatException noArrow = refused(withRules(List.of("+ " + "x1 ".repeat(3_500_000))), 5, "missing ' -> '");
        assertTrue(noArrow.getMessage().length() < 10_000, "message of " + noArrow.getMessage().length() + " characters");
    }

    @Test
    void unreadableBytesAndMissingFilesAreRefusedWithThePath(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("binary.rules");
        Files.write(binary, new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        RuleFormatException e = assertThrows(RuleFormatException.class, () -> RuleSet.load(binary));
        assertEquals(binary.toString(), e.source());
        assertTrue(e.getMessage().contains("cannot read"), e::getMessage);
        RuleFormatException missing = assertThrows(RuleFormatException.class,
                () -> RuleSet.load(dir.resolve("absent.rules").toString()));
        assertTrue(missing.getMessage().contains("no shipped rule set of that name and no such file"),
                missing::getMessage);
    }

    @Test
    void crlfLineEndingsReadTheSame() throws IOException {
        String crlf = String.join("\r\n", validLines()) + "\r\n";
        assertEquals(RULES.size(), RuleSet.read(new StringReader(crlf), SOURCE).size());
    }
}
