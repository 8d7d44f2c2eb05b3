package dev.simplij.sr.data;

import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared test helpers: the skeleton simplifier, and reading the generator's JSON Lines back. */
final class TestSupport {
    private TestSupport() {
    }

    /** The SR search's skeleton-mode simplifier: the shipped rules when on the class path, else none. */
    static Normalizer skeletonSimplifier() {
        return SimplifierNormalizer.standard();
    }

    /** Every record of every shard in {@code dir}, in shard order. */
    static List<Map<String, Object>> records(Path dir) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Path> shards;
        try (Stream<Path> s = Files.list(dir)) {
            shards = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path shard : shards) {
            for (String line : Files.readAllLines(shard, StandardCharsets.UTF_8)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) new Json(line).value();
                out.add(record);
            }
        }
        return out;
    }

    /** A minimal JSON reader for the records: objects, arrays, strings, numbers. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                while (s.charAt(i) != '}') {
                    String key = string();
                    expect(':');
                    m.put(key, value());
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
                return m;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                while (s.charAt(i) != ']') {
                    list.add(value());
                    if (s.charAt(i) == ',') {
                        i++;
                    }
                }
                i++;
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    sb.append(e == 'u' ? (char) Integer.parseInt(s.substring(i, i += 4), 16) : e);
                } else {
                    sb.append(c);
                }
            }
            i++;
            return sb.toString();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
            }
            i++;
        }
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Object list) {
        return ((List<Object>) list).stream().mapToDouble(o -> (Double) o).toArray();
    }
}
