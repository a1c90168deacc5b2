package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines a Markdown page shows in its fenced code blocks, as a shell would split them:
 * continuation lines joined, comments dropped, quotes removed, leading {@code VAR=value}
 * assignments and {@code export} lines kept apart.
 */
final class DocumentedCommands {
    /** One documented command line: its environment assignments and its words. */
    record Line(String text, List<String> assignments, List<String> words) {
    }

    private DocumentedCommands() {
    }

    /** The repository root, seen from a module's directory (where surefire runs). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs")) ? here : here.getParent();
    }

    /** The lines of the fenced blocks of the given info string ("bash", "properties", "yaml"...). */
    static List<String> blocks(Path markdown, String info) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        boolean wanted = false;
        for (String line : Files.readAllLines(markdown)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                wanted = !inside && trimmed.substring(3).strip().equals(info);
                inside = !inside;
                continue;
            }
            if (inside && wanted) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    /** The shell command lines of the page's {@code bash} blocks. */
    static List<Line> commands(Path markdown) throws IOException {
        List<Line> commands = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : blocks(markdown, "bash")) {
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String text = pending.toString().strip();
            pending.setLength(0);
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> words = split(text);
            List<String> assignments = new ArrayList<>();
            if (!words.isEmpty() && words.get(0).equals("export")) {
                assignments.addAll(words.subList(1, words.size()));
                words = List.of();
            }
            while (!words.isEmpty() && words.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
                assignments.add(words.get(0));
                words = words.subList(1, words.size());
            }
            commands.add(new Line(text, assignments, words));
        }
        return commands;
    }

    /** Words as a POSIX shell splits them (quotes, backslash escapes), up to an unquoted '#'. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
