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
    void theLanguageLayer_dependsOnNoFeature() {
        noClasses().that().resideInAPackage("se.vagvisaren.language..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "se.vagvisaren.teams..", "se.vagvisaren.nlu..", "se.vagvisaren.knowledge..",
                        "se.vagvisaren.reflection..", "se.vagvisaren.deadlines..", "se.vagvisaren.progress..",
                        "se.vagvisaren.safeguarding..", "se.vagvisaren.admin..", "se.vagvisaren.cli..",
                        "se.vagvisaren.replylanguage..", "se.vagvisaren.system..")
                .check(classes);
    }

    @Test
    void onlyTheLanguageLayer_stemsAndNormalisesUnicode() {
        // The handbook search's Lucene analysers stem inside Lucene token streams (SnowballFilter with
        // org.tartarus stemmers); that is search indexing, not command words, and stays in knowledge.
        noClasses().that().resideOutsideOfPackage("se.vagvisaren.language..")
                .should().dependOnClassesThat().resideInAPackage("opennlp.tools.stemmer..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.text.Normalizer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.text.Normalizer$Form")
                .because("folding and stemming live in se.vagvisaren.language (FoldedText, Stems)")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("se.vagvisaren.language..", "se.vagvisaren.knowledge..")
                .should().dependOnClassesThat().resideInAPackage("org.tartarus.snowball..")
                .check(classes);
    }

    @Test
    void featurePackages_areFreeOfCycles() {
        slices().matching("se.vagvisaren.(*)..").should().beFreeOfCycles().check(classes);
    }
}
