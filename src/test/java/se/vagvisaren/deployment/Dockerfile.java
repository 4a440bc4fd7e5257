package se.vagvisaren.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Dockerfile reader: enough to check stages, users and commands without Docker.
 *
 * <p>Joins backslash continuations, drops comments and parser directives, and resolves {@code ${ARG}}
 * in {@code FROM} lines from global {@code ARG} defaults. It does not implement heredocs or escape
 * directives; the Dockerfile uses neither.
 */
record Dockerfile(List<Instruction> instructions, Map<String, String> globalArgs) {

    record Instruction(String keyword, String arguments, int stage) {
    }

    record Stage(int index, String image, String name) {
    }

    private static final Pattern FROM = Pattern.compile("(?i)^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    static Dockerfile parse(String text) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && trimmed.startsWith("#")) {
                continue; // comment lines inside a continued instruction are ignored by Docker too
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                logical.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            logical.add(current.toString().strip());
        }
        List<Instruction> instructions = new ArrayList<>();
        Map<String, String> globalArgs = new HashMap<>();
        int stage = -1;
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                stage++;
            }
            if (keyword.equals("ARG") && stage < 0) {
                String[] nameValue = arguments.split("=", 2);
                globalArgs.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
            instructions.add(new Instruction(keyword, arguments, stage));
        }
        return new Dockerfile(List.copyOf(instructions), Map.copyOf(globalArgs));
    }

    List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                Matcher matcher = FROM.matcher(instruction.arguments());
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("Unreadable FROM: " + instruction.arguments());
                }
                stages.add(new Stage(instruction.stage(), resolve(matcher.group(1)), matcher.group(2)));
            }
        }
        return stages;
    }

    /** Instructions of one stage with the given keyword, in file order. */
    List<Instruction> in(int stage, String keyword) {
        return instructions.stream()
                .filter(i -> i.stage() == stage && i.keyword().equals(keyword))
                .toList();
    }

    int lastStage() {
        return stages().size() - 1;
    }

    private String resolve(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(globalArgs.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
