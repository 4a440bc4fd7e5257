package se.vagvisaren;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.Order;

/** The package rules from docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final String ROUTING_STEP = "se.vagvisaren.routing.RoutingStep";
    private static final String CARD_ACTION_STEP = "se.vagvisaren.routing.CardActionStep";

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
                        "se.vagvisaren.teams..", "se.vagvisaren.routing..", "se.vagvisaren.nlu..", "se.vagvisaren.knowledge..",
                        "se.vagvisaren.reflection..", "se.vagvisaren.deadlines..", "se.vagvisaren.progress..",
                        "se.vagvisaren.safeguarding..", "se.vagvisaren.admin..", "se.vagvisaren.cli..")
                .check(classes);
    }

    @Test
    void routingSteps_liveOutsideTheTeamsEdge() {
        classes().that().implement(ROUTING_STEP).or().implement(CARD_ACTION_STEP)
                .should().resideOutsideOfPackage("se.vagvisaren.teams..")
                .check(classes);
    }

    @Test
    void everyRoutingStep_hasAnExplicitOrder() {
        classes().that().implement(ROUTING_STEP).or().implement(CARD_ACTION_STEP)
                .should().beAnnotatedWith(Order.class)
                .check(classes);
    }

    /** The naming scheme of docs/architecture.md ("Names by role"). */
    @Test
    void classNames_followTheirRole() {
        classes().that().implement("se.vagvisaren.conversation.IntentHandler")
                .should().haveSimpleNameEndingWith("Intents").check(classes);
        classes().that().implement("se.vagvisaren.conversation.CardActionHandler")
                .should().haveSimpleNameEndingWith("CardActions").check(classes);
        classes().that().implement(ROUTING_STEP).or().implement(CARD_ACTION_STEP)
                .should().haveSimpleNameEndingWith("Step").check(classes);
        noClasses().should().haveSimpleNameEndingWith("Repository")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .check(classes);
    }

    /** Routing sits between the Teams edge and the features: features never ask it anything. */
    @Test
    void features_doNotDependOnTheRouting() {
        noClasses().that().resideOutsideOfPackages("se.vagvisaren.teams..", "se.vagvisaren.routing..", "se.vagvisaren")
                .should().dependOnClassesThat().resideInAPackage("se.vagvisaren.routing..")
                .check(classes);
    }

    @Test
    void featurePackages_areFreeOfCycles() {
        slices().matching("se.vagvisaren.(*)..").should().beFreeOfCycles().check(classes);
    }
}
