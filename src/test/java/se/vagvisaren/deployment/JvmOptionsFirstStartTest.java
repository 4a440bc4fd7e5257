package se.vagvisaren.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start on the shipped start path ({@code java @deployment/jvm.options}, the container image's too) must be able
 * to train the intent model inside that file's heap ceiling: with no cached model the bot trains at start, and
 * {@code -XX:+ExitOnOutOfMemoryError} ends the process if it does not fit. Session 11's larger training data made
 * the training run out of the 128 MB heap until the file lowered L-BFGS's correction pairs; this test runs the real
 * application (its {@code nlu parse} command, which loads the model as the bot does) in a separate JVM with exactly
 * those options and an empty model cache.
 */
class JvmOptionsFirstStartTest {

    @TempDir
    Path cache;

    @Test
    void firstStartWithoutACachedModel_trainsWithinTheShippedHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "@" + RepositoryFiles.deployment("jvm.options"),
                "-Dvagvisaren.nlu.model-cache-dir=" + cache, "-cp", System.getProperty("java.class.path"),
                "se.vagvisaren.VagvisarenApplication", "nlu", "parse", "--jsonl");
        Path log = Files.createTempFile(cache, "first-start", ".log");
        builder.redirectErrorStream(false).redirectError(log.toFile());
        Process process = builder.start();
        process.getOutputStream().write("{\"text\": \"vad är en lägesbild?\"}\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(170, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }

        String errors = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the command ended").isTrue();
        assertThat(errors).as("the JVM's own output").doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as("exit code").isZero();
        assertThat(errors).as("the model was trained, not read from a cache").contains("Intent model ready (trained)");
        assertThat(out).contains("\"name\":\"handbook_question\"");
    }
}
