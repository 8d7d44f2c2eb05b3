package dev.simplij.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.simplify.Simplifier;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a user of {@code dev.simplij:simplij} gets (issue 18): the runtime and the rule files on
 * fastutil, nothing else (no command-line framework, no peers, no Hipparchus), and from the runtime
 * only its API packages.
 */
class ArtifactContentsTest {
    /** The test framework on this module's test class path, which a user does not get. */
    private static final Set<String> TEST_SCOPE = Set.of("junit-jupiter", "junit-jupiter-api", "junit-jupiter-params",
            "junit-jupiter-engine", "junit-platform-commons", "junit-platform-engine", "opentest4j", "apiguardian-api");

    /** A class path entry's artifact: the module of a reactor build's classes, or a jar's artifactId in a Maven repository. */
    private static String artifact(String entry) {
        Path path = Path.of(entry);
        if (path.getFileName().toString().endsWith(".jar")) {
            return path.getParent().getParent().getFileName().toString().replaceFirst("^simplij-", "");
        }
        return path.getParent().getParent().getFileName().toString(); // MODULE/target/classes
    }

    @Test
    void theClassPathIsTheRuntimeTheRuleFilesAndFastutil() {
        Set<String> artifacts = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            artifacts.add(artifact(entry));
        }
        artifacts.removeAll(TEST_SCOPE);
        assertEquals(Set.of("library", "matcher-runtime", "rulesets", "fastutil-core"), artifacts);
    }

    @Test
    void theRuntimeModuleExportsItsApiPackagesOnly() throws Exception {
        Path runtime = Path.of(Simplifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(runtime).findAll().iterator().next().descriptor();
        assertEquals("dev.simplij.runtime", module.name());
        assertEquals(Set.of("dev.simplij.expr", "dev.simplij.rules", "dev.simplij.simplify"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(module.packages().contains("dev.simplij.match"), "the rule index and matcher stay internal: "
                + module.packages());
        assertEquals(Set.of("java.base", "it.unimi.dsi.fastutil.core"),
                module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }
}
