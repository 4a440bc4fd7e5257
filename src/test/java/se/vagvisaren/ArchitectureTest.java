package se.vagvisaren;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules from docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.vagvisaren");
    }

    @Test
    void onlyTheTeamsPackage_usesTheBotFrameworkSdk() {
        noClasses().that().resideOutsideOfPackage("se.vagvisaren.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .check(classes);
    }

    @Test
    void features_doNotDependOnTheTeamsEdge() {
        noClasses().that().resideOutsideOfPackages("se.vagvisaren.teams..", "se.vagvisaren")
                .should().dependOnClassesThat().resideInAPackage("se.vagvisaren.teams..")
                .check(classes);
    }

    @Test
    void sharedConversationTypes_dependOnNoFeature() {
        noClasses().that().resideInAPackage("se.vagvisaren.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "se.vagvisaren.teams..", "se.vagvisaren.nlu..", "se.vagvisaren.knowledge..",
                        "se.vagvisaren.reflection..", "se.vagvisaren.deadlines..", "se.vagvisaren.progress..",
                        "se.vagvisaren.safeguarding..", "se.vagvisaren.admin..", "se.vagvisaren.cli..")
                .check(classes);
    }

    @Test
    void featurePackages_areFreeOfCycles() {
        slices().matching("se.vagvisaren.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Issue 17: one signer. Features sign through system.SecretKeys, never with their own HMAC code. */
    @Test
    void onlyTheSystemSigner_usesJavaCrypto() {
        noClasses().that().resideOutsideOfPackage("se.vagvisaren.system..")
                .should().dependOnClassesThat().resideInAPackage("javax.crypto..")
                .because("secrets are read, checked and used in one place: system.SecretKeys and system.Signer")
                .check(classes);
    }
}
