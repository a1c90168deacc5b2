package io.newsflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/topics.md as the tests read it: the example record of each topic (the first {@code json}
 * block under the heading {@code ### `<topic>`}), the tables of id schemes and headers, and the
 * code blocks of a section. Also writes examples back, for {@code -Dnewsflow.docs.update=true}.
 */
final class TopicsDoc {
    static final Path FILE = Path.of("../docs/topics.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String text;

    TopicsDoc() {
        try {
            text = Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** The text of the example block of the topic, or null when its section has none. */
    String exampleText(String topic) {
        Matcher block = exampleBlock(topic);
        return block == null ? null : block.group(2);
    }

    JsonNode example(String topic) {
        String example = exampleText(topic);
        if (example == null) {
            return null;
        }
        try {
            return JSON.readTree(example);
        } catch (IOException e) {
            throw new AssertionError("the example of " + topic + " in " + FILE + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Replaces the topic's example block with {@code json} (in memory; {@link #save()} writes the file). */
    void replaceExample(String topic, String json) {
        Matcher block = exampleBlock(topic);
        if (block == null) {
            throw new AssertionError(FILE + " has no ```json example under the heading for " + topic);
        }
        text = text.substring(0, block.start(2)) + json + text.substring(block.end(2));
    }

    void save() {
        try {
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private Matcher exampleBlock(String topic) {
        int heading = text.indexOf("\n### `" + topic + "`");
        if (heading < 0) {
            return null;
        }
        int next = text.indexOf("\n#", heading + 1);
        Matcher block = Pattern.compile("(```json\\n)(.*?)\\n?```", Pattern.DOTALL).matcher(text);
        block.region(heading, next < 0 ? text.length() : next);
        return block.find() ? block : null;
    }

    /**
     * The rows of the first table under the heading that starts with {@code heading}: the first
     * cell (without backticks) to the whole row's cells.
     */
    Map<String, List<String>> table(String heading) {
        int at = text.indexOf("\n" + heading);
        if (at < 0) {
            throw new AssertionError(FILE + " has no heading '" + heading + "'");
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        int row = 0;
        for (String line : text.substring(at + 1).split("\n")) {
            if (!line.startsWith("|")) {
                if (row > 0) {
                    break; // the table ended
                }
                continue;
            }
            if (row++ < 2) {
                continue; // the header row and the |---| row
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1).split("\\|")) {
                cells.add(cell.strip());
            }
            rows.put(cells.get(0).replace("`", ""), cells);
        }
        return rows;
    }

    /** The code blocks (language, text) in the section that starts with the heading. */
    List<String[]> codeBlocks(String heading) {
        int at = text.indexOf("\n" + heading);
        if (at < 0) {
            throw new AssertionError(FILE + " has no heading '" + heading + "'");
        }
        int level = heading.indexOf(' ');
        int end = text.length();
        Matcher next = Pattern.compile("\n#{1," + level + "} ").matcher(text);
        if (next.find(at + 1)) {
            end = next.start();
        }
        List<String[]> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL).matcher(text);
        block.region(at, end);
        while (block.find()) {
            blocks.add(new String[] {block.group(1), block.group(2)});
        }
        return blocks;
    }

    /**
     * A record as the doc shows it: one line per field, and arrays of objects one element per
     * line, so examples stay readable and diff well.
     */
    static String pretty(JsonNode record) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(first ? "" : ",").append("\n  ").append(quote(field.getKey())).append(": ");
            first = false;
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                out.append("[");
                for (int i = 0; i < value.size(); i++) {
                    out.append(i == 0 ? "" : ",").append("\n    ").append(compact(value.get(i)));
                }
                out.append("]");
            } else {
                out.append(compact(value));
            }
        }
        return out.append("\n}").toString();
    }

    private static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return compact(JSON.getNodeFactory().textNode(s));
    }
}
