package dev.dragoman.core.read.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the article object in a page's JSON-LD blocks (top level, arrays and {@code @graph}). */
final class JsonLd {

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "newsarticle",
            "article",
            "reportagenewsarticle",
            "analysisnewsarticle",
            "backgroundnewsarticle",
            "opinionnewsarticle",
            "reviewnewsarticle",
            "blogposting",
            "liveblogposting",
            "report",
            "webpage");

    private JsonLd() {}

    /** The best article-typed node, preferring news types over a bare WebPage; null if there is none. */
    static JsonNode findArticle(Document doc) {
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element script : HtmlArticleReader.ldScripts(doc)) {
            JsonNode root = HtmlArticleReader.parseJson(script.data());
            if (root == null) {
                continue;
            }
            for (JsonNode node : flatten(root)) {
                int rank = rank(node);
                if (rank < bestRank) {
                    best = node;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    private static int rank(JsonNode node) {
        int best = Integer.MAX_VALUE;
        for (String type : types(node)) {
            String t = type.toLowerCase(Locale.ROOT);
            if (!ARTICLE_TYPES.contains(t)) {
                continue;
            }
            int rank = t.equals("webpage") ? 3 : t.endsWith("newsarticle") ? 0 : 1;
            if (rank == 3 && !node.has("headline") && !node.has("articleBody")) {
                continue;
            }
            best = Math.min(best, rank);
        }
        return best;
    }

    private static List<String> types(JsonNode node) {
        List<String> out = new ArrayList<>();
        JsonNode type = node.get("@type");
        if (type == null) {
            return out;
        }
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    private static List<JsonNode> flatten(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(n -> out.addAll(flatten(n)));
        } else if (root.isObject()) {
            out.add(root);
            if (root.has("@graph")) {
                out.addAll(flatten(root.get("@graph")));
            }
            JsonNode main = root.get("mainEntity");
            if (main != null && main.isObject()) {
                out.addAll(flatten(main));
            }
        }
        return out;
    }

    /** A text value at a path of object fields; arrays take their first element. Null when absent or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null) {
                return null;
            }
            if (current.isArray()) {
                current = current.size() == 0 ? null : current.get(0);
                if (current == null) {
                    return null;
                }
            }
            current = current.get(field);
        }
        if (current == null || current.isNull()) {
            return null;
        }
        if (current.isArray()) {
            current = current.size() == 0 ? null : current.get(0);
        }
        if (current == null || current.isContainerNode()) {
            return null;
        }
        String text = current.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** The author names, joined with ", "; null when none. */
    static String authors(JsonNode node) {
        if (node == null || !node.has("author")) {
            return null;
        }
        JsonNode author = node.get("author");
        List<String> names = new ArrayList<>();
        if (author.isArray()) {
            author.forEach(a -> addName(a, names));
        } else {
            addName(author, names);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void addName(JsonNode author, List<String> names) {
        String name = author.isTextual() ? author.asText() : author.path("name").asText("");
        if (!name.isBlank()) {
            names.add(name.strip());
        }
    }
}
