package org.opensmur.core.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule every module keeps: no two of its packages depend on each other, in any number of steps, with no
 * exception list. Read from the module's own compiled classes (not its tests, nor the other modules'), so
 * that each module's test says where its own loop is.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails naming the cycle when the packages under {@code root} (e.g. {@code org.opensmur.core}) form one. */
    public static void assertNoneUnder(String root) {
        Path classes = Path.of("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled classes at " + classes.toAbsolutePath() + ": run from the module's folder (Maven does)");
        }
        // Sliced one level up, so that the module's root package (e.g. org.opensmur.app itself) is a slice too.
        String parent = root.substring(0, root.lastIndexOf('.'));
        // Only the module's classes: a cycle is between its own packages, each arrow read from a class's own bytecode.
        // Resolving every class they name from the class path as well (the JDK's, Jackson's, the broker's...) was most
        // of this test's CPU and adds no arrow between two of its packages. Set for this import only (this thread):
        // the other ArchUnit rules (LayersTest's "is a JavaFX node") need the class path's type hierarchy.
        var imported = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(classes);
        });
        slices().matching(parent + ".(**)").should().beFreeOfCycles()
                .check(imported.that(JavaClass.Predicates.resideInAPackage(root + "..")));
    }
}
