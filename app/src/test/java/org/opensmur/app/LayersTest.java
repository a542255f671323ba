package org.opensmur.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules Maven cannot keep: AMQP behind the transport API, screens off the store, what a device lacks. */
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

    // app -> offline-store -> shared-core is Maven's module graph: a class cannot even compile against a
    // module it does not depend on, so no rule restates it here. The rules below can each catch a real slip.

    @Test
    void coreHasNoUserInterface() {
        noClasses().that().resideInAPackage("org.opensmur.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheAmqpImplementationSeesAmqp() {
        noClasses().that().resideOutsideOfPackages("org.opensmur.core.hub.amqp..", "org.opensmur.hubsim..")
                .should().dependOnClassesThat().resideInAPackage("com.rabbitmq..")
                .check(classes);
    }

    @Test
    void theStoreAndTheScreensSeeTheTransportApiOnly() {
        // As Thunderbird keeps backend:api apart from each protocol: the store and the app know HubTransport,
        // its deliveries, outcomes and states; HubTransports picks the implementation.
        noClasses().that().resideInAnyPackage("org.opensmur.app..", "org.opensmur.store..")
                .should().dependOnClassesThat().resideInAPackage("org.opensmur.core.hub.amqp..")
                .check(classes);
        noClasses().that().resideInAPackage("org.opensmur.core..")
                .and().resideOutsideOfPackage("org.opensmur.core.hub.amqp..")
                .and().doNotHaveFullyQualifiedName("org.opensmur.core.hub.HubTransports")
                .should().dependOnClassesThat().resideInAPackage("org.opensmur.core.hub.amqp..")
                .check(classes);
    }

    @Test
    void screensOnlyBindToViewModels() {
        // Whatever its name (MapScreen once escaped a "...View" rule): a JavaFX node of the app never reaches
        // the store's tables, the builders, the transport or the Hub client; its view model does, off the FX
        // thread. The start shells (PIN lock, device start) hold the PIN lock and name a storage failure.
        var storeAndWire = JavaClass.Predicates.resideInAnyPackage("org.opensmur.store.outbox..", "org.opensmur.store.inbox..",
                        "org.opensmur.store.cases..", "org.opensmur.store.drafts..", "org.opensmur.tablet..",
                        "org.opensmur.store.db..", "org.opensmur.core.outgoing..", "org.opensmur.core.hub..")
                .or(JavaClass.Predicates.equivalentTo(org.opensmur.store.OfflineStore.class))
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(org.opensmur.store.db.StoreException.class)));
        noClasses().that().resideInAPackage("org.opensmur.app..").and().areAssignableTo(javafx.scene.Node.class)
                .should().dependOnClassesThat(storeAndWire)
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootTakesTheStoreFromTheCore() {
        // The screens' view models ask the core (what was sent about a patient: TabletCore.sent(); the ledger,
        // the cases, the drafts through its narrow accessors); the store itself is the composition root's.
        noClasses().that().resideInAPackage("org.opensmur.app..").and().resideOutsideOfPackage("org.opensmur.app.session..")
                .should().callMethod(org.opensmur.tablet.TabletCore.class, "store")
                .check(classes);
    }

    @Test
    void viewModelsDependOnTheCorePortsNeverOnTheStore() {
        // A view model (and its nested classes) reads the core's values and ports (shared-core, tablet-core);
        // what does I/O or holds a secret reaches it through an interface the composition root implements.
        noClasses().that().resideInAPackage("org.opensmur.app..").and().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.opensmur.store..")
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
