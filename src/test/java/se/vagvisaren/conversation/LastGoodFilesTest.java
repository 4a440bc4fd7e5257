package se.vagvisaren.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-file memory of the last good parse. */
class LastGoodFilesTest {

    private final LastGoodFiles<String> files = new LastGoodFiles<>("test file");
    private final List<String> broken = new ArrayList<>();

    @Test
    void read_goodThenBroken_keepsTheLastGoodValueAndReportsTheProblem() {
        assertThat(files.read("a.yaml", () -> "v1", e -> broken.add(e.getMessage()))).contains("v1");

        assertThat(files.read("a.yaml", () -> { throw new IllegalStateException("unclosed"); },
                e -> broken.add(e.getMessage()))).contains("v1");
        assertThat(broken).containsExactly("unclosed");

        assertThat(files.read("a.yaml", () -> "v2", e -> broken.add(e.getMessage()))).contains("v2");
    }

    @Test
    void read_brokenFromTheStart_isEmpty_andOtherFilesKeepTheirOwnValues() {
        files.read("b.yaml", () -> "b", e -> { });

        assertThat(files.read("a.yaml", () -> { throw new java.io.IOException("no such file"); },
                e -> broken.add(e.getMessage()))).isEmpty();
        assertThat(broken).containsExactly("no such file");
    }
}
