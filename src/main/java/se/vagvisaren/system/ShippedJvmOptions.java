package se.vagvisaren.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a bare {@code java -jar vagvisaren.jar} the JVM options of the shipped start path
 * ({@code deployment/jvm.options}, which the container image and {@code mvn spring-boot:run} use): before anything
 * else, the process replaces itself with the same {@code java}, the options and the same jar and arguments, through
 * the C library's {@code execv} (Java's foreign-function API). The process keeps its id, its environment, its working
 * directory and its standard streams, so a shell, systemd or a supervisor sees one process that started a little
 * later; nothing is written anywhere.
 *
 * <p>Why: a jar cannot carry JVM options, and with the JVM's defaults (G1, a heap of up to a quarter of the RAM, C2)
 * the service holds 420–500 MB right after a burst of messages and starts slower; with the options it holds about
 * 270 MB throughout and starts about a sixth faster (docs/performance.md, "Start-up and memory", session 12).
 * The in-process measures for a bare start ({@link ClientCompilerOnly}, {@link HeapFootprint},
 * {@link QuietMemoryReturn}) remain for the starts that are not relaunched.
 *
 * <p>Only a truly bare start is relaunched: started with {@code -jar}, no JVM option at all (not even a {@code -D};
 * neither {@code JAVA_TOOL_OPTIONS} nor {@code JDK_JAVA_OPTIONS}), on Linux, and not switched off with
 * {@value #SWITCH_ENV}{@code =false}. Anyone who passes a JVM option has chosen their own and keeps them, and the
 * command-line commands are never relaunched (a CLINC150 evaluation needs a large heap). If the relaunch cannot be
 * made, the start goes on as it is and says why once logging is set up.
 */
public final class ShippedJvmOptions {

    /** Environment variable; {@code false} keeps a bare start on the JVM's defaults. */
    public static final String SWITCH_ENV = "VAGVISAREN_JVM_SHIPPEDOPTIONS";

    /** Set on the relaunched JVM, so that the start can say so (and can never relaunch twice). */
    static final String RELAUNCHED_PROPERTY = "vagvisaren.jvm.relaunched";

    /** {@code deployment/jvm.options}, copied into the jar by the build. */
    static final String RESOURCE = "META-INF/vagvisaren/jvm.options";

    /** Environment variables through which the java launcher or the JVM takes options. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** What {@link #relaunchIfBare} did, for one log line once logging is set up. */
    public record Outcome(boolean relaunched, String reason) {
    }

    private ShippedJvmOptions() {
    }

    /**
     * Relaunches a bare {@code java -jar} start with the shipped options; does not return when it did.
     *
     * @param args the program's arguments, passed on unchanged
     * @return why this start was not relaunched, or that it is the relaunched one
     */
    public static Outcome relaunchIfBare(String[] args) {
        if (Boolean.getBoolean(RELAUNCHED_PROPERTY)) {
            return new Outcome(true, "started with the shipped options (" + RESOURCE
                    + "), relaunched from a bare java -jar");
        }
        String jar = startedJar();
        String osName = System.getProperty("os.name", "");
        // Cheap checks first: every start passes here, and the image's start is timed.
        String reason = reasonToKeep(List.of(), System.getenv(), osName, jar);
        if (reason != null) {
            return new Outcome(false, reason);
        }
        Optional<List<String>> commandLine = commandLine();
        if (commandLine.isEmpty()) {
            return new Outcome(false, "not relaunched: /proc/self/cmdline unreadable");
        }
        reason = reasonToKeep(optionsBeforeJar(commandLine.get()), System.getenv(), osName, jar);
        if (reason != null) {
            return new Outcome(false, reason);
        }
        List<String> options = embeddedOptions(ShippedJvmOptions.class.getClassLoader());
        if (options.isEmpty()) {
            return new Outcome(false, "not relaunched: " + RESOURCE + " missing");
        }
        try {
            List<String> command = command(Path.of("/proc/self/exe").toRealPath().toString(), options, jar, args);
            System.out.flush();
            System.err.flush();
            int result = execv(command);
            return new Outcome(false, "not relaunched: execv returned " + result);
        } catch (Throwable e) { // no native access, no libc: the start goes on as it was started
            return new Outcome(false, "not relaunched: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** This process's arguments after the program name, as the kernel has them (Linux). */
    private static Optional<List<String>> commandLine() {
        try {
            String raw = Files.readString(Path.of("/proc/self/cmdline"), StandardCharsets.UTF_8);
            List<String> arguments = List.of(raw.split("\u0000"));
            return Optional.of(arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** What a {@code java} command line gives the JVM before {@code -jar} (options, {@code @}argument files). */
    static List<String> optionsBeforeJar(List<String> arguments) {
        int jar = arguments.indexOf("-jar");
        return jar < 0 ? arguments : arguments.subList(0, jar);
    }

    /**
     * Why a start keeps its JVM as it is, or {@code null} when it should be relaunched.
     *
     * @param inputArguments what the command line gives the JVM before {@code -jar}
     * @param jar            the jar given to {@code java -jar}, or {@code null} for a class-path start
     */
    static String reasonToKeep(List<String> inputArguments, Map<String, String> environment, String osName,
            String jar) {
        String setting = environment.get(SWITCH_ENV);
        if (setting != null && !Boolean.parseBoolean(setting.strip())) {
            return "JVM options as given (" + SWITCH_ENV + "=false)";
        }
        if (jar == null) {
            return "JVM options as given (not started with java -jar)";
        }
        for (String variable : OPTION_VARIABLES) { // options the command line does not show
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return "JVM options as given in " + variable;
            }
        }
        if (!inputArguments.isEmpty()) {
            return "JVM options as given on the command line";
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "JVM defaults: relaunching with the shipped options needs Linux";
        }
        return null;
    }

    /** The relaunch: the same java, the shipped options, a marker, the same jar and the same arguments. */
    static List<String> command(String java, List<String> options, String jar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-jar");
        command.add(jar);
        command.addAll(List.of(args));
        return command;
    }

    /** The options of the embedded {@code jvm.options}, read as the java launcher reads an {@code @}argument file. */
    static List<String> embeddedOptions(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : argumentFile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The arguments of an argument file: separated by white space, a {@code #} starts a comment to the end of the
     * line. Quotes are not supported; the shipped file has none, and a test keeps it so.
     */
    static List<String> argumentFile(String text) {
        List<String> arguments = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('#');
            String content = comment < 0 ? line : line.substring(0, comment);
            for (String token : content.strip().split("\\s+")) {
                if (!token.isEmpty()) {
                    arguments.add(token);
                }
            }
        }
        return arguments;
    }

    /** The jar of a {@code java -jar} start: then the class path is that jar and the command starts with it. */
    private static String startedJar() {
        String classPath = System.getProperty("java.class.path", "");
        String command = System.getProperty("sun.java.command", "");
        boolean jar = !classPath.isEmpty() && !classPath.contains(java.io.File.pathSeparator)
                && classPath.endsWith(".jar") && command.startsWith(classPath);
        return jar ? classPath : null;
    }

    /** Replaces this process with {@code command} (its first element is the program); returns only on failure. */
    private static int execv(List<String> command) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle execv = linker.downcallHandle(linker.defaultLookup().find("execv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ValueLayout.ADDRESS, command.size() + 1L);
            for (int i = 0; i < command.size(); i++) {
                argv.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(command.get(i)));
            }
            argv.setAtIndex(ValueLayout.ADDRESS, command.size(), MemorySegment.NULL);
            return (int) execv.invokeExact(arena.allocateFrom(command.get(0)), argv);
        }
    }
}
