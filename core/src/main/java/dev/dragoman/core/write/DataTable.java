package dev.dragoman.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a command that prints data (backends, cache stats, evaluation scores, settings, detections) prints, in every
 * {@link OutputFormat} the same way: text is a padded table ({@link TextTable}) under upper-case headers, JSON an
 * array of objects keyed by the column names, JSON Lines one object per row, Markdown a pipe table under the title,
 * HTML a table in Dragoman's page ({@link HtmlPage}). Numbers and booleans stay typed in JSON; null cells are
 * {@code null} in JSON and {@code -} elsewhere. Immutable.
 *
 * @param title what the table is ("Backends"), for the Markdown and HTML headings
 * @param columns the column names, camelCase ({@code baseUrl} is headed {@code BASE URL} in text)
 * @param rows one list of cells per row, as many as columns
 */
public record DataTable(String title, List<String> columns, List<List<Object>> rows) {

    public DataTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row of " + r.size() + " cells in a table of " + columns.size() + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }

    /** The table rendered in {@code format}; every format but JSON ends with a newline, JSON too. */
    public String render(OutputFormat format) {
        return switch (format) {
            case TEXT -> text();
            case JSON -> json(true);
            case JSONL -> json(false);
            case MD -> markdown();
            case HTML -> html();
        };
    }

    private String text() {
        List<String[]> table = new ArrayList<>();
        table.add(columns.stream().map(DataTable::header).toArray(String[]::new));
        for (List<Object> r : rows) {
            table.add(r.stream().map(DataTable::cell).toArray(String[]::new));
        }
        return TextTable.render(table);
    }

    private String json(boolean pretty) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (List<Object> r : rows) {
            ObjectNode o = array.addObject();
            for (int i = 0; i < columns.size(); i++) {
                o.set(columns.get(i), Json.mapper().valueToTree(r.get(i)));
            }
        }
        try {
            if (pretty) {
                return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
            }
            StringBuilder sb = new StringBuilder();
            for (var node : array) {
                sb.append(Json.mapper().writeValueAsString(node)).append('\n');
            }
            return sb.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a table cannot be written as JSON", e);
        }
    }

    private String markdown() {
        StringBuilder sb = new StringBuilder("# ")
                .append(MarkdownArticleWriter.escape(title))
                .append("\n\n|");
        for (String c : columns) {
            sb.append(' ').append(header(c).toLowerCase(Locale.ROOT)).append(" |");
        }
        sb.append("\n|").append("---|".repeat(columns.size())).append('\n');
        for (List<Object> r : rows) {
            sb.append('|');
            for (Object cell : r) {
                sb.append(' ').append(MarkdownArticleWriter.escape(cell(cell))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private String html() {
        StringBuilder sb = new StringBuilder("<h1>")
                .append(HtmlArticleWriter.escape(title))
                .append("</h1>\n<table>\n<thead><tr>");
        for (String c : columns) {
            sb.append("<th>")
                    .append(HtmlArticleWriter.escape(header(c).toLowerCase(Locale.ROOT)))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Object> r : rows) {
            sb.append("<tr>");
            for (Object cell : r) {
                sb.append("<td dir=\"auto\">")
                        .append(HtmlArticleWriter.escape(cell(cell)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        return HtmlPage.of(Language.ENGLISH, title, "wide", sb.toString());
    }

    /** {@code baseUrl} → {@code BASE URL}. */
    static String header(String column) {
        return column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return value.toString();
    }
}
