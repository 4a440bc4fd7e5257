package se.vagvisaren.progress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import se.vagvisaren.testing.BotTest;
import se.vagvisaren.testing.MutableClock;

/**
 * The whole bot for progress tests: {@link BotTest} plus a movable clock, the progress test wiring, an
 * admin API key, one county-board member and fixed secrets. Every class with this annotation shares one
 * Spring context (and database), so tests use their own conversation and team ids. (In inline
 * properties {@code :} separates key and value, hence the escaped colon in the team id.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BotTest
@Import({MutableClock.Config.class, ProgressTestConfig.class})
@TestPropertySource(properties = {
        "vagvisaren.admin.api-key=" + ProgressBotTest.API_KEY,
        "vagvisaren.admin.county-board=" + ProgressBotTest.COUNTY_OFFICER,
        "VAGVISAREN_HASH_SECRET=test-hash-secret-0123456789",
        "VAGVISAREN_LINK_SECRET=test-link-secret-0123456789",
        "vagvisaren.progress.public-base-url=https://vagvisaren.example.se",
        "vagvisaren.progress.municipalities.[19\\:teamNorsjo42@thread.tacv2]=Norsjö"})
@interface ProgressBotTest {
    String API_KEY = "test-admin-key-0123456789";
    /** Entra object id of the county-board officer (Länsstyrelsen). */
    String COUNTY_OFFICER = "7a1c0b9e-3f2d-4c5b-8e6a-county0officer";
}
