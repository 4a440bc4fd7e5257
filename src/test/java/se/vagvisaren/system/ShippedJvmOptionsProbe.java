package se.vagvisaren.system;

import java.lang.management.ManagementFactory;

/**
 * A small program for {@link ShippedJvmOptionsTest}, packed into a jar of its own with {@link ShippedJvmOptions}:
 * relaunches itself as the bot's start does, then prints, one {@code key=value} per line, what the JVM it ended up
 * in looks like.
 */
final class ShippedJvmOptionsProbe {

    private ShippedJvmOptionsProbe() {
    }

    public static void main(String[] args) {
        ShippedJvmOptions.Outcome outcome = ShippedJvmOptions.relaunchIfBare(args);
        System.out.println("pid=" + ProcessHandle.current().pid());
        System.out.println("relaunched=" + outcome.relaunched());
        System.out.println("reason=" + outcome.reason());
        System.out.println("jvmOptions=" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.println("args=" + String.join("|", args));
    }
}
