package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ClientCompilerOnlyTest {

    @Test
    void reasonToSkip_bareStartOnC2Jvm_applies() {
        assertThat(ClientCompilerOnly.reasonToSkip(List.of(), null, true)).isNull();
        assertThat(ClientCompilerOnly.reasonToSkip(List.of("-Dfoo=bar", "-Xmx512m"), "true", true)).isNull();
    }

    @Test
    void reasonToSkip_optionsFileChoseTheCompiler_leavesItAlone() {
        // deployment/jvm.options: TieredStopAtLevel=1 is the start's own choice.
        assertThat(ClientCompilerOnly.reasonToSkip(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), null, true))
                .contains("-XX:TieredStopAtLevel");
        assertThat(ClientCompilerOnly.reasonToSkip(List.of("-XX:CompileCommand=exclude,a.B::c"), null, true))
                .contains("-XX:CompileCommand");
        assertThat(ClientCompilerOnly.reasonToSkip(List.of("-Xint"), null, true)).contains("-Xint");
    }

    @Test
    void reasonToSkip_switchedOff_leavesItAlone() {
        assertThat(ClientCompilerOnly.reasonToSkip(List.of(), "false", true)).contains("=false");
        assertThat(ClientCompilerOnly.reasonToSkip(List.of(), " FALSE ", true)).contains("=false");
    }

    @Test
    void reasonToSkip_noC2InThisJvm_leavesItAlone() {
        assertThat(ClientCompilerOnly.reasonToSkip(List.of(), null, false)).contains("no C2");
    }

    @Test
    void addDirective_runningJvm_acceptsAndListsIt() throws Exception {
        // A directive for a class that does not exist, so the test JVM's own compilation is not changed.
        String answer = ClientCompilerOnly.addDirective(
                "[{ match: \"se/vagvisaren/system/NoSuchClass.*\", c2: { Exclude: true } }]");
        try {
            assertThat(answer).contains("1 compiler directives added");
            assertThat(diagnosticCommand("compilerDirectivesPrint")).contains("se/vagvisaren/system/NoSuchClass.*");
        } finally {
            diagnosticCommand("compilerDirectivesRemove"); // pops the directive just added
        }
    }

    @Test
    void applyInBackground_completesWithTheSameDecisionAsTheDirectCall() throws Exception {
        // Surefire starts this JVM without compiler options, but a developer's JAVA_TOOL_OPTIONS may carry some:
        // either way the background call must reach the same decision as the direct one and never hang.
        String skip = ClientCompilerOnly.reasonToSkip(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                "false", true);
        System.setProperty(ClientCompilerOnly.SWITCH, "false"); // this test JVM's own compilation stays as it is
        try {
            ClientCompilerOnly.Outcome outcome = ClientCompilerOnly.applyInBackground().get(30, TimeUnit.SECONDS);
            assertThat(outcome.applied()).isFalse();
            assertThat(outcome.reason()).isEqualTo(skip);
        } finally {
            System.clearProperty(ClientCompilerOnly.SWITCH);
        }
    }

    private static String diagnosticCommand(String operation) throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }
}
