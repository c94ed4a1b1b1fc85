package cn.cg.api.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The commands {@code ./cg} runs through the application (without its web server). */
public final class CommandLine {

    public static final Set<String> COMMANDS = Set.of("import", "demo", "bench-import", "migrate");

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Options after the command: {@code --name value} pairs and bare {@code --flag}s; other words are positional. */
    public record Parsed(String command, List<String> positional, Map<String, String> options) {

        public String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        public boolean flag(String name) {
            return options.containsKey(name);
        }

        public int intOption(String name, int fallback) {
            String v = options.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'");
            }
        }
    }

    public static Parsed parse(String[] args) {
        java.util.ArrayList<String> positional = new java.util.ArrayList<>();
        java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--") && i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                options.put(a.substring(2), rest.get(++i));
            } else if (a.startsWith("--")) {
                options.put(a.substring(2), "");
            } else {
                positional.add(a);
            }
        }
        return new Parsed(args[0], positional, options);
    }
}
