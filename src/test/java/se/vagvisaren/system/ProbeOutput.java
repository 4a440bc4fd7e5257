package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a probe program run in a JVM of its own printed ({@link QuietMemoryReturnProbe}, {@link ShippedJvmOptionsProbe}):
 * its {@code key=value} lines, and its whole output for messages.
 */
record ProbeOutput(Map<String, String> values, String text) {

    /**
     * Waits at most {@code seconds} for the probe to end, checks that it ended with exit code 0, and reads what it
     * printed (a few lines: the pipe holds them until then). The process is gone afterwards in any case.
     */
    static ProbeOutput of(Process process, long seconds) throws IOException, InterruptedException {
        try {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("probe finished").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            Map<String, String> values = new HashMap<>();
            output.lines().filter(line -> line.matches("[A-Za-z]+=.*"))
                    .forEach(line -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            return new ProbeOutput(values, output);
        } finally {
            process.destroyForcibly();
        }
    }
}
