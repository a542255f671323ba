package org.opensmur.tablet.mission;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opensmur.tablet.TabletCore;

/**
 * The mission core is written against its ports (shared-core's {@code org.opensmur.core.tablet}: drafts, status
 * taps) and the core's narrow accessors, never against the store itself: no SQL, no connection, no transaction of
 * its own, no {@code core.store()}. A change that reaches for the schema fails here.
 */
class PortsTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses MISSION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"))
            .that(JavaClass.Predicates.resideInAPackage("org.opensmur.tablet.mission.."));

    @Test
    void theMissionCoreNeverReachesForTheSchema() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.opensmur.store.db..",
                        "org.opensmur.store.timeline..", "org.opensmur.store.drafts..")
                .because("the mission core sees its ports, not SQLite")
                .check(MISSION);
    }

    @Test
    void theMissionCoreNeverAsksForTheStoreItself() {
        noClasses().should().callMethod(TabletCore.class, "store")
                .because("core.store() is for the composition root and the store's tests")
                .check(MISSION);
    }
}
