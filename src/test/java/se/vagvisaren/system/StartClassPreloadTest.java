package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StartClassPreloadTest {

    static final AtomicBoolean TARGET_INITIALISED = new AtomicBoolean();

    /** Its static initialiser would run if the preload initialised what it loads. */
    static final class PreloadTarget {
        static {
            TARGET_INITIALISED.set(true);
        }
    }

    @Test
    void preload_loadsNamedClassesWithoutInitialisingThem_andSkipsMissingNamesAndComments() {
        String list = """
                # a comment
                %s

                no.such.Clazz
                java.util.concurrent.ConcurrentSkipListMap
                """.formatted(PreloadTarget.class.getName());

        StartClassPreload.Outcome outcome = StartClassPreload.preload(new BufferedReader(new StringReader(list)),
                getClass().getClassLoader());

        assertThat(outcome).isEqualTo(new StartClassPreload.Outcome(2, 3));
        assertThat(TARGET_INITIALISED).as("static initialiser run by the preload").isFalse();
    }

    @Test
    void theShippedList_isNotStale_nearlyAllItsClassesExist() throws Exception {
        // After a dependency upgrade some names vanish and the preload silently loses its benefit: regenerate the
        // list with docs/benchmarks/start-classes.sh when this fails.
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream in = loader.getResourceAsStream(StartClassPreload.LIST)) {
            assertThat(in).as(StartClassPreload.LIST).isNotNull();
            StartClassPreload.Outcome outcome = StartClassPreload.preload(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), loader);
            assertThat(outcome.listed()).isGreaterThan(1_000);
            assertThat(outcome.loaded()).as("classes of the list that exist").isGreaterThanOrEqualTo(outcome.listed() * 95 / 100);
        }
    }

    @Test
    void switchedOff_startsNothing() {
        String before = System.getProperty(StartClassPreload.SWITCH);
        System.setProperty(StartClassPreload.SWITCH, "false");
        try {
            assertThat(StartClassPreload.startInBackground(getClass().getClassLoader())).isNull();
        } finally {
            if (before == null) {
                System.clearProperty(StartClassPreload.SWITCH);
            } else {
                System.setProperty(StartClassPreload.SWITCH, before);
            }
        }
    }
}
