package se.vagvisaren;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
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

    /** The one date parser is a leaf: plain java.time and regex, so every package (conversation too) may use it. */
    private static final String DATES = "se.vagvisaren.language.dates..";

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
        // A dependency on the leaf date package cannot close a cycle (see languageDates_dependOnNothingOfTheBot).
        slices().matching("se.vagvisaren.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(DATES))
                .check(classes);
    }

    @Test
    void languageDates_dependOnNothingOfTheBot() {
        classes().that().resideInAPackage(DATES)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DATES, "org.springframework.stereotype..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    /**
     * Chat text is read for dates only by {@code language.dates}. The few classes listed read values that
     * machines wrote in ISO form (an API field, a front-matter date, a configuration property, a Teams
     * date/time input), never what a person typed.
     */
    @Test
    void noFeature_parsesDatesOnItsOwn() {
        Set<Class<?>> temporals = Set.of(LocalDate.class, LocalDateTime.class, LocalTime.class, ZonedDateTime.class,
                OffsetDateTime.class, MonthDay.class, YearMonth.class, DateTimeFormatter.class);
        Set<String> machineValueReaders = Set.of("se.vagvisaren.nlu.ParseRequest", "se.vagvisaren.knowledge.PassageParser",
                "se.vagvisaren.deadlines.DeadlineProperties", "se.vagvisaren.deadlines.DeadlineCardActions");
        DescribedPredicate<JavaMethodCall> parsesDate = DescribedPredicate.describe("parse a java.time value from text",
                call -> call.getName().startsWith("parse")
                        && temporals.stream().anyMatch(t -> call.getTargetOwner().isEquivalentTo(t)));
        noClasses().that().resideOutsideOfPackage(DATES)
                .and(DescribedPredicate.describe("are not machine-value readers",
                        (JavaClass c) -> !machineValueReaders.contains(c.getName())))
                .should().callMethodWhere(parsesDate)
                .check(classes);
    }

    /** Issue 17: one signer. Features sign through system.SecretKeys, never with their own HMAC code. */
    @Test
    void onlyTheSystemSigner_usesJavaCrypto() {
        noClasses().that().resideOutsideOfPackage("se.vagvisaren.system..")
                .should().dependOnClassesThat().resideInAPackage("javax.crypto..")
                .because("secrets are read, checked and used in one place: system.SecretKeys and system.Signer")
                .check(classes);
    }

    /**
     * Issue 17: one JSON and one YAML mapper ({@code conversation.Mappers}) besides Spring Boot's; the SDK's own
     * serializer stays in {@code teams}. The classes listed still build their own and are to move.
     */
    @Test
    void onlyMappers_buildsJacksonMappers() {
        // The date reader sits below conversation (language.dates imports no feature or port), so it keeps its own.
        Set<String> leftToMove = Set.of("se.vagvisaren.language.dates.DateWords");
        DescribedPredicate<JavaConstructorCall> buildsMapper = DescribedPredicate.describe("build a Jackson ObjectMapper",
                call -> call.getTargetOwner().isAssignableTo(ObjectMapper.class));
        noClasses().that().resideOutsideOfPackage("se.vagvisaren.teams..")
                .and().doNotHaveFullyQualifiedName("se.vagvisaren.conversation.Mappers")
                .and(DescribedPredicate.describe("are not left to move", (JavaClass c) -> !leftToMove.contains(c.getName())))
                .should().callConstructorWhere(buildsMapper)
                .because("content files and stored JSON are read with conversation.Mappers, HTTP with Boot's mapper")
                .check(classes);
    }
}
