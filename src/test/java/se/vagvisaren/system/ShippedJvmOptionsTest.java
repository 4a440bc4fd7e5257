package se.vagvisaren.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare {@code java -jar} relaunches itself with the shipped JVM options (same process, same arguments); a start
 * that chose any JVM option, or switched the relaunch off, keeps its JVM. The relaunch runs for real, in a jar of its
 * own that holds {@link ShippedJvmOptions}, the build's copy of {@code deployment/jvm.options} and a probe.
 */
class ShippedJvmOptionsTest {

    private static final Path SHIPPED_FILE = Path.of("deployment/jvm.options");

    @TempDir
    Path work;

    @Test
    void bareJavaJar_becomesTheShippedStartPath_sameProcess_sameArguments_noWarning() throws Exception {
        Map<String, String> probe = runProbe(List.of(), Map.of(), "--server.port=0", "två ord", "å|ä");

        assertThat(probe.get("relaunched")).as(probe.toString()).isEqualTo("true");
        assertThat(probe.get("pid")).as("the same process").isEqualTo(probe.get("startedPid"));
        assertThat(probe.get("jvmOptions").split(" ")).containsSubsequence(
                ShippedJvmOptions.argumentFile(Files.readString(SHIPPED_FILE)).toArray(String[]::new));
        assertThat(probe.get("args")).isEqualTo("--server.port=0|två ord|å|ä");
        assertThat(probe.get("output")).doesNotContainIgnoringCase("restricted method").doesNotContain("WARNING");
    }

    @Test
    void anyJvmOption_orTheSwitch_keepsTheJvmAsStarted() throws Exception {
        Map<String, String> chosen = runProbe(List.of("-Xmx200m"), Map.of(), "x");
        assertThat(chosen.get("relaunched")).isEqualTo("false");
        assertThat(chosen.get("jvmOptions")).isEqualTo("-Xmx200m");
        assertThat(chosen.get("reason")).contains("command line");

        Map<String, String> off = runProbe(List.of(), Map.of(ShippedJvmOptions.SWITCH_ENV, "false"), "x");
        assertThat(off.get("relaunched")).isEqualTo("false");
        assertThat(off.get("jvmOptions")).isEmpty();
        assertThat(off.get("reason")).contains(ShippedJvmOptions.SWITCH_ENV + "=false");

        Map<String, String> tool = runProbe(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xss1m"), "x");
        assertThat(tool.get("relaunched")).isEqualTo("false");
        assertThat(tool.get("reason")).contains("JAVA_TOOL_OPTIONS");
    }

    @Test
    void reasonToKeep_relaunchesOnlyABareJarStartOnLinux() {
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(), "Linux", "vagvisaren.jar")).isNull();
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(), "Mac OS X", "vagvisaren.jar")).contains("Linux");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(), "Windows 11", "vagvisaren.jar")).contains("Linux");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(), "Linux", null)).contains("not started with java -jar");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of("-Dx=y"), Map.of(), "Linux", "vagvisaren.jar")).contains("command line");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), "Linux", "v.jar"))
                .contains("JDK_JAVA_OPTIONS");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(ShippedJvmOptions.SWITCH_ENV, " FALSE "), "Linux", "v.jar"))
                .contains("=false");
        assertThat(ShippedJvmOptions.reasonToKeep(List.of(), Map.of(ShippedJvmOptions.SWITCH_ENV, "true"), "Linux", "v.jar")).isNull();
    }

    @Test
    void optionsBeforeJar_areWhatTheCommandLineGivesTheJvm() {
        assertThat(ShippedJvmOptions.optionsBeforeJar(List.of("-jar", "v.jar", "-Xmx1g"))).isEmpty();
        assertThat(ShippedJvmOptions.optionsBeforeJar(List.of("@deployment/jvm.options", "-jar", "v.jar")))
                .containsExactly("@deployment/jvm.options");
        assertThat(ShippedJvmOptions.optionsBeforeJar(List.of("-cp", "x", "Main"))).containsExactly("-cp", "x", "Main");
    }

    @Test
    void theJarCarriesTheShippedFile_readAsTheJavaLauncherReadsIt() throws IOException {
        String file = Files.readString(SHIPPED_FILE);
        List<String> options = ShippedJvmOptions.argumentFile(file);
        assertThat(options).contains("-XX:+UseSerialGC", "-Xmx128m", "-XX:TieredStopAtLevel=1")
                .allMatch(option -> option.startsWith("-"))
                .as("the relaunch reads no quotes").noneMatch(option -> option.contains("\"") || option.contains("'"));
        assertThat(ShippedJvmOptions.embeddedOptions(getClass().getClassLoader())).isEqualTo(options);
        assertThat(ShippedJvmOptions.argumentFile("# only a comment\n  -Xa   -Xb # and one after\n\n-Xc"))
                .containsExactly("-Xa", "-Xb", "-Xc");
    }

    /** Runs the probe jar with {@code java [jvmOptions] -jar probe.jar args}; its key=value lines, its pid, its output. */
    private Map<String, String> runProbe(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path jar = probeJar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        ShippedJvmOptions.OPTION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().remove(ShippedJvmOptions.SWITCH_ENV);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ProbeOutput probe = ProbeOutput.of(process, 60);
        Map<String, String> values = new HashMap<>(probe.values());
        values.put("startedPid", String.valueOf(process.pid()));
        values.put("output", probe.text());
        return values;
    }

    /** A jar as the build makes one: the relaunch, the copied options file, native access allowed in the manifest. */
    private Path probeJar() throws IOException {
        Path jar = work.resolve("probe.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ShippedJvmOptionsProbe.class.getName());
        manifest.getMainAttributes().putValue("Enable-Native-Access", "ALL-UNNAMED");
        Path classes = Path.of(ShippedJvmOptions.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path testClasses = Path.of(ShippedJvmOptionsProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            add(out, classes, "se/vagvisaren/system/ShippedJvmOptions");
            add(out, testClasses, "se/vagvisaren/system/ShippedJvmOptionsProbe");
            out.putNextEntry(new JarEntry(ShippedJvmOptions.RESOURCE));
            out.write(Files.readAllBytes(classes.resolve(ShippedJvmOptions.RESOURCE)));
            out.closeEntry();
        }
        return jar;
    }

    /** The class {@code name} and its nested classes. */
    private static void add(JarOutputStream out, Path root, String name) throws IOException {
        Path folder = root.resolve(name).getParent();
        String simple = root.resolve(name).getFileName().toString();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(simple + ".class")
                    || f.getFileName().toString().startsWith(simple + "$")).toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
