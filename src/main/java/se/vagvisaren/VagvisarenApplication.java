package se.vagvisaren;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import se.vagvisaren.cli.CommandLineMode;
import se.vagvisaren.system.ClientCompilerOnly;
import se.vagvisaren.system.HeapFootprint;
import se.vagvisaren.system.QuietMemoryReturn;
import se.vagvisaren.system.ShippedJvmOptions;
import se.vagvisaren.system.StartClassPreload;

/**
 * Starts the bot, or runs one command-line command ({@code nlu}, {@code ask}, {@code knowledge})
 * without a web server when the first argument names one.
 */
// db-scheduler's starter auto-configuration is Boot 3 code: system.DbSchedulerOnBoot4 imports it in the right order.
@SpringBootApplication(excludeName = {
        "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
        "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerMetricsAutoConfiguration",
        "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerActuatorAutoConfiguration"})
@ConfigurationPropertiesScan
public class VagvisarenApplication {

    public static void main(String[] args) {
        if (CommandLineMode.isCommand(args)) {
            System.exit(CommandLineMode.run(VagvisarenApplication.class, args));
        }
        // A bare java -jar becomes the shipped start path (deployment/jvm.options): the process replaces itself with
        // the same java, jar and arguments plus those options, and this call does not return (docs/performance.md).
        ShippedJvmOptions.Outcome jvm = ShippedJvmOptions.relaunchIfBare(args);
        // Before Spring starts: most of a start's class loading, JIT work and heap growth happen during the start.
        // A start that was not relaunched keeps the JVM's defaults or its own options; what follows sets the start
        // path's choices in-process where the start left them open (docs/performance.md). The classes the start will need, loaded ahead of the main thread on a thread of its own.
        CompletableFuture<StartClassPreload.Outcome> preload =
                StartClassPreload.startInBackground(VagvisarenApplication.class.getClassLoader());
        // The compiler directive on a thread of its own: reaching it costs a quarter of a second of the start.
        CompletableFuture<ClientCompilerOnly.Outcome> compiler = ClientCompilerOnly.applyInBackground();
        HeapFootprint.Outcome heap = HeapFootprint.applyUnlessConfigured();
        SpringApplication.run(VagvisarenApplication.class, args);
        Logger log = LoggerFactory.getLogger(VagvisarenApplication.class);
        log.info("JVM: {}", jvm.reason());
        log.info("JIT: {}", compiler.join().reason());
        log.info("Classes: {}", preloaded(preload));
        // The start's garbage goes once the service is quiet (a concurrent cycle, then one full collection on a thread
        // of its own), off the path of the first requests; only when that return is switched off, in one full
        // (stop-the-world) collection now.
        QuietMemoryReturn.Outcome memory = QuietMemoryReturn.installArmedForTheStart(heap.applied());
        boolean collected = !memory.installed() && HeapFootprint.collectStartGarbage();
        log.info("Heap: {}{}", heap.reason(), collected ? "; start-up garbage collected" : "");
        log.info("Memory: {}", memory.reason());
    }

    private static String preloaded(CompletableFuture<StartClassPreload.Outcome> preload) {
        if (preload == null) {
            return "no preload (" + StartClassPreload.SWITCH + "=false or no list)";
        }
        if (!preload.isDone()) {
            return "preload still running";
        }
        if (preload.isCompletedExceptionally()) {
            return "preload stopped early; the start loaded its classes itself";
        }
        StartClassPreload.Outcome outcome = preload.join();
        return outcome.loaded() + " of " + outcome.listed() + " start classes preloaded off the main thread";
    }
}
