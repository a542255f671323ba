package org.opensmur.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way, app -> offline-store -> shared-core, and AMQP stays behind the transport. */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main code only: not the test directories, nor the other modules' test jars (shared-core's broker
        // helpers run rabbitmqctl; they are not shipped).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.opensmur");
    }

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.opensmur.app..")
                .layer("Store").definedBy("org.opensmur.store..")
                .layer("Core").definedBy("org.opensmur.core..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Store", "App")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void coreHasNoUserInterface() {
        noClasses().that().resideInAPackage("org.opensmur.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheHubTransportSeesAmqp() {
        noClasses().that().resideOutsideOfPackages("org.opensmur.core.hub.transport..", "org.opensmur.hubsim..")
                .should().dependOnClassesThat().resideInAPackage("com.rabbitmq..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewsOnlyBindToViewModels() {
        // Views (JavaFX nodes) hold no logic: they never reach the store, the builders or the transport.
        noClasses().that().resideInAPackage("org.opensmur.app..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAnyPackage("org.opensmur.store..", "org.opensmur.core.outgoing..",
                        "org.opensmur.core.hub..")
                .check(classes);
    }

    /** The integrator's desktop commands: shipped in the jars, never reached by the app. */
    private static final String[] DESKTOP_COMMANDS = {"org.opensmur.signing.SigningCli", "org.opensmur.signing.CommandLineSecrets"};

    @Test
    void whatTheAppShipsUsesNothingATabletLacks() {
        // A device has no AWT, Swing or ImageIO (not in a GluonFX native image for Android), no console and
        // no child processes.
        noClasses().that().resideInAnyPackage("org.opensmur.app..", "org.opensmur.store..", "org.opensmur.core..",
                        "org.opensmur.signing..")
                .and().resideOutsideOfPackage("org.opensmur.core.cli..")
                .and().doNotHaveFullyQualifiedName(DESKTOP_COMMANDS[0]).and().doNotHaveFullyQualifiedName(DESKTOP_COMMANDS[1])
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..")
                .orShould().callMethod(System.class, "console")
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .check(classes);
    }

    @Test
    void theAppNeverReachesADesktopCommand() {
        noClasses().that().resideInAnyPackage("org.opensmur.app..", "org.opensmur.store..", "org.opensmur.core..")
                .and().resideOutsideOfPackage("org.opensmur.core.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName(DESKTOP_COMMANDS[0])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(DESKTOP_COMMANDS[1])
                .orShould().dependOnClassesThat().resideInAPackage("org.opensmur.core.cli..")
                .check(classes);
    }

    @Test
    void theMessageModelDoesNotKnowTheCodecOrTheBuilders() {
        noClasses().that().resideInAnyPackage("org.opensmur.core.mission..", "org.opensmur.core.status..",
                        "org.opensmur.core.geo..", "org.opensmur.core.document..", "org.opensmur.core.bilan..",
                        "org.opensmur.core.rpis..", "org.opensmur.core.reference..", "org.opensmur.core.hub.message..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opensmur.core.hub.codec..",
                        "org.opensmur.core.outgoing..", "org.opensmur.core.cli..")
                .check(classes);
    }
}
