package dev.dragoman.core.testing.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbered segments from a prompt in any of the shapes LLM translation prompts use, and answers with a JSON
 * object keyed by segment number ({@code {"1": "…", "2": "…"}}), the shape "JSON keyed by segment number" asks for,
 * wrapped as {@code {"translations": {…}}} when the prompt shows that shape (Dragoman's own template,
 * {@code translate/src/main/resources/dev/dragoman/translate/llm/prompts/translate-v1.txt}, which sends the
 * segments as a JSON object between {@code <article_segments>} tags).
 *
 * <p>Recognised, in this order, in the last user message: a JSON object or array anywhere in the text (an object
 * with numeric keys; {@code {"segments":[{"id":1,"text":"…"}]}}; an array of strings or of {@code {id,text}}),
 * then {@code <segment id="1">…</segment>} tags, then numbered lines ({@code [1] …}, {@code 1. …}, {@code 1) …}).
 */
public final class GenericChatProtocol implements ChatProtocol {

    private static final Pattern TAG =
            Pattern.compile("(?s)<(?:segment|s)\\s+(?:id|n)=\"?(\\d+)\"?\\s*>(.*?)</(?:segment|s)>");
    private static final Pattern LINE = Pattern.compile("(?m)^\\s*(?:\\[(\\d+)\\]|(\\d+)[.):])\\s+(.*)$");
    private static final Pattern TARGET_CODE = Pattern.compile(
            "(?i)target(?:[ _-]?lang(?:uage)?)?\\s*(?:code)?\\s*[:=]\\s*\"?([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)\\b");
    private static final Pattern INTO = Pattern.compile("(?i)\\b(?:into|to)\\s+([A-Z][a-z]+)\\b");
    /** "into English (en)", "into Portuguese (pt-BR)": the tag in parentheses after the name. */
    private static final Pattern INTO_TAG =
            Pattern.compile("\\binto\\s+[^()\\n.]{1,40}\\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\)");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("english", "en"),
            Map.entry("arabic", "ar"),
            Map.entry("french", "fr"),
            Map.entry("german", "de"),
            Map.entry("spanish", "es"),
            Map.entry("russian", "ru"),
            Map.entry("italian", "it"),
            Map.entry("turkish", "tr"),
            Map.entry("persian", "fa"),
            Map.entry("chinese", "zh"),
            Map.entry("portuguese", "pt"));

    @Override
    public LinkedHashMap<String, String> segments(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!"user".equals(messages.get(i).role())) {
                continue;
            }
            LinkedHashMap<String, String> found = find(messages.get(i).content());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return new LinkedHashMap<>();
    }

    private static LinkedHashMap<String, String> find(String content) {
        LinkedHashMap<String, String> fromJson = fromJson(content);
        if (!fromJson.isEmpty()) {
            return fromJson;
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        Matcher tag = TAG.matcher(content);
        while (tag.find()) {
            out.put(tag.group(1), tag.group(2).strip());
        }
        if (!out.isEmpty()) {
            return out;
        }
        Matcher line = LINE.matcher(content);
        while (line.find()) {
            out.put(
                    line.group(1) != null ? line.group(1) : line.group(2),
                    line.group(3).strip());
        }
        return out;
    }

    private static LinkedHashMap<String, String> fromJson(String content) {
        // try every '{' or '[' from the left whose matching tail parses; prompts put instructions around the data
        for (int start = 0; start < content.length(); start++) {
            char c = content.charAt(start);
            if (c != '{' && c != '[') {
                continue;
            }
            int end = content.lastIndexOf(c == '{' ? '}' : ']');
            while (end > start) {
                try {
                    JsonNode node = SimulatedBackend.JSON.readTree(content.substring(start, end + 1));
                    LinkedHashMap<String, String> out = fromNode(node);
                    if (!out.isEmpty()) {
                        return out;
                    }
                    break;
                } catch (java.io.IOException e) {
                    end = content.lastIndexOf(c == '{' ? '}' : ']', end - 1);
                }
            }
        }
        return new LinkedHashMap<>();
    }

    private static LinkedHashMap<String, String> fromNode(JsonNode node) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            for (String key : List.of("segments", "texts", "items")) {
                if (node.has(key)) {
                    return fromNode(node.get(key));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().matches("\\d+") || !field.getValue().isTextual()) {
                    return new LinkedHashMap<>();
                }
                out.put(field.getKey(), field.getValue().asText());
            }
        } else if (node.isArray()) {
            int n = 1;
            for (JsonNode item : node) {
                if (item.isTextual()) {
                    out.put(Integer.toString(n), item.asText());
                } else if (item.isObject() && item.has("text")) {
                    String id = item.has("id")
                            ? item.get("id").asText()
                            : item.path("n").asText(Integer.toString(n));
                    out.put(id, item.get("text").asText());
                } else {
                    return new LinkedHashMap<>();
                }
                n++;
            }
        }
        return out;
    }

    @Override
    public String targetLanguage(List<Message> messages) {
        for (Message message : messages) {
            Matcher tag = INTO_TAG.matcher(message.content());
            if (tag.find()) {
                return tag.group(1);
            }
        }
        for (Message message : messages) {
            Matcher code = TARGET_CODE.matcher(message.content());
            if (code.find()) {
                return code.group(1).toLowerCase(Locale.ROOT);
            }
        }
        for (Message message : messages) {
            Matcher into = INTO.matcher(message.content());
            while (into.find()) {
                String word = into.group(1);
                String code = NAMES.get(word.toLowerCase(Locale.ROOT));
                if (code != null) {
                    return code;
                }
            }
        }
        return "en";
    }

    @Override
    public String answer(List<Message> messages, LinkedHashMap<String, String> translations) {
        ObjectNode out = SimulatedBackend.JSON.createObjectNode();
        boolean wrapped = messages.stream().anyMatch(m -> m.content().contains("{\"translations\":"));
        ObjectNode target = wrapped ? out.putObject("translations") : out;
        translations.forEach(target::put);
        return out.toString();
    }
}
