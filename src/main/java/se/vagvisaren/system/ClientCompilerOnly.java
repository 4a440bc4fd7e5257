package se.vagvisaren.system;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps a bare {@code java -jar} start on the C1 ("client") JIT compiler, as {@code deployment/jvm.options}
 * does with {@code -XX:TieredStopAtLevel=1}: a jar cannot carry JVM options, but a running JVM accepts a
 * compiler directive through its own diagnostic command ({@code Compiler.directives_add}, the same one as
 * {@code jcmd}). The directive excludes every method from C2, so HotSpot's tiered policy compiles hot methods
 * with C1 instead.
 *
 * <p>Why: on the one or two cores a bot gets, C2 spent about a third of the CPU of a bare start (5.1 of 14.5 s
 * CPU until health UP, docs/performance.md "Start-up and memory") and its code and arenas cost resident memory,
 * while the message path spends no more CPU per message on C1 (measured for the options file).
 *
 * <p>Nothing is changed when the start already chose a compiler setup (any of {@link #COMPILER_OPTIONS}, which
 * includes the options file's {@code -XX:TieredStopAtLevel}), when the JVM has no C2 to exclude, or when
 * {@value #SWITCH} is {@code false} (system property, or {@code VAGVISAREN_JVM_CLIENTCOMPILERONLY} in the
 * environment). Only this process is affected; the directive file is a temporary file deleted at once.
 */
public final class ClientCompilerOnly {

    /** Set to {@code false} to keep HotSpot's default C1 + C2 tiers on a bare start. */
    public static final String SWITCH = "vagvisaren.jvm.client-compiler-only";

    /** JVM arguments by which a start chooses its own compiler setup; any of them leaves the JIT alone. */
    static final List<String> COMPILER_OPTIONS = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
            "-XX:+TieredCompilation", "-XX:CompileCommand", "-XX:CompilerDirectivesFile", "-XX:CompilationMode",
            "-Xint", "-Xcomp", "-XX:+UseJVMCICompiler");

    private static final String EXCLUDE_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    /** What {@link #applyUnlessConfigured} did, for one log line once logging is set up. */
    public record Outcome(boolean applied, String reason) {
    }

    private ClientCompilerOnly() {
    }

    /**
     * {@link #applyUnlessConfigured} on a thread of its own, so that the application's start does not wait for it:
     * reaching the JVM's diagnostic command creates the platform MBean server (all platform beans, the diagnostic
     * commands' descriptions), ≈ 250 ms of wall clock and 130 ms of CPU on this machine, which on the main thread
     * delayed the whole start (docs/performance.md, "Start-up and memory"). The directive then arrives a fraction of
     * a second into the start, before C2 would have had much to compile; methods C2 compiled by then keep their code.
     */
    public static CompletableFuture<Outcome> applyInBackground() {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread.ofPlatform().name("client-compiler-only").daemon().start(() -> {
            try {
                outcome.complete(applyUnlessConfigured());
            } catch (RuntimeException | Error e) { // never leave the start's log line waiting
                outcome.complete(new Outcome(false, "compiler directive not applied (" + e.getClass().getSimpleName() + ")"));
            }
        });
        return outcome;
    }

    /** Adds the C2 exclusion to this JVM unless the start configured the compiler or switched this off. */
    public static Outcome applyUnlessConfigured() {
        String setting = System.getProperty(SWITCH, System.getenv("VAGVISAREN_JVM_CLIENTCOMPILERONLY"));
        String skip = reasonToSkip(ManagementFactory.getRuntimeMXBean().getInputArguments(), setting, hasDefaultC2());
        if (skip != null) {
            return new Outcome(false, skip);
        }
        try {
            addDirective(EXCLUDE_C2);
            return new Outcome(true, "no compiler options given: C2 excluded by a compiler directive, C1 compiles");
        } catch (IOException | JMException | RuntimeException e) {
            // An unusual JVM (no diagnostic commands, read-only temp folder): run with its defaults.
            return new Outcome(false, "compiler directive not accepted (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Why not to add the directive, or {@code null} to add it.
     *
     * @param jvmArguments the JVM's input arguments (including those from {@code JDK_JAVA_OPTIONS})
     * @param setting      {@value #SWITCH}, {@code null} when not set
     * @param c2Present    whether this JVM compiles with C2, with its tiers at their defaults
     */
    static String reasonToSkip(List<String> jvmArguments, String setting, boolean c2Present) {
        if (setting != null && !Boolean.parseBoolean(setting.strip().toLowerCase(Locale.ROOT))) {
            return SWITCH + "=false";
        }
        for (String argument : jvmArguments) {
            for (String option : COMPILER_OPTIONS) {
                if (argument.startsWith(option)) {
                    return "the start chose the compiler (" + option + ")";
                }
            }
        }
        return c2Present ? null : "this JVM has no C2 compiler, or the start set its tiers";
    }

    /**
     * Whether HotSpot's tiers reach C2 (level 4) by default, i.e. no option from any source (the command line,
     * {@code JAVA_TOOL_OPTIONS}, an options file) set them; false on JVMs without HotSpot's diagnostic bean.
     */
    private static boolean hasDefaultC2() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && System.getProperty("java.vm.name", "").contains("Server VM")
                    && isDefault(hotSpot.getVMOption("TieredCompilation"), "true")
                    && isDefault(hotSpot.getVMOption("TieredStopAtLevel"), "4");
        } catch (IllegalArgumentException e) { // an option this JVM does not know
            return false;
        }
    }

    private static boolean isDefault(VMOption option, String value) {
        return value.equals(option.getValue()) && option.getOrigin() == VMOption.Origin.DEFAULT;
    }

    /** Runs {@code Compiler.directives_add} on this JVM through its DiagnosticCommand MBean. */
    static String addDirective(String directiveJson) throws IOException, JMException {
        Path file = Files.createTempFile("vagvisaren-compiler-directive", ".json");
        try {
            Files.writeString(file, directiveJson);
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
