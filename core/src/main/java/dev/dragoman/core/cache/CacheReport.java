package dev.dragoman.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.write.DataTable;
import dev.dragoman.core.write.OutputFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A store's {@link CacheStats} as people and programs read them — what {@code dragoman cache stats} prints, and any
 * other front end can show: a text report (totals, then a per-backend table) or pretty JSON (the stats with the
 * location, hit rate and saved usage added). Stateless.
 */
public final class CacheReport {

    private CacheReport() {}

    /** "Store: …", "Entries: …", "Look-ups: …", "Saved: …", then one row per backend; ends with a newline. */
    public static String text(CacheStats s, String location) {
        StringBuilder out = new StringBuilder();
        out.append("Store:    ").append(location).append('\n');
        out.append(String.format(Locale.ROOT, "Entries:  %d (%s)%n", s.entries(), bytes(s.sizeBytes())));
        out.append(String.format(
                Locale.ROOT,
                "Look-ups: %d hits, %d misses (hit rate %.1f%%), %d errors%n",
                s.hits(),
                s.misses(),
                100 * s.hitRate(),
                s.errors()));
        out.append("Saved:    ").append(saved(s.saved())).append('\n');
        if (!s.backends().isEmpty()) {
            out.append('\n');
            String row = "%-16s %9s %10s %8s %8s  %s%n";
            out.append(String.format(Locale.ROOT, row, "BACKEND", "ENTRIES", "SIZE", "HITS", "MISSES", "SAVED"));
            for (CacheStats.BackendStats b : s.backends()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-16s %9d %10s %8d %8d  %s%n",
                        b.backend(),
                        b.entries(),
                        bytes(b.sizeBytes()),
                        b.hits(),
                        b.misses(),
                        saved(b.saved())));
            }
        }
        return out.toString();
    }

    /** The stats as pretty JSON with {@code location}, {@code hitRate} and {@code saved} added; no final newline. */
    public static String json(CacheStats s, String location) {
        ObjectNode node = Json.mapper().valueToTree(s);
        node.put("location", location);
        node.put("hitRate", s.hitRate());
        node.set("saved", Json.mapper().valueToTree(s.saved()));
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cache stats cannot be written as JSON", e);
        }
    }

    /**
     * The stats as a table for the other formats (JSON Lines, Markdown, HTML): one row for the whole store ({@code
     * backend} "(all)"), then one per backend.
     */
    public static DataTable table(CacheStats s, String location) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(
                location, "(all)", s.entries(), s.sizeBytes(), s.hits(), s.misses(), s.hitRate(), saved(s.saved())));
        for (CacheStats.BackendStats b : s.backends()) {
            long lookups = b.hits() + b.misses();
            rows.add(Arrays.asList(
                    location,
                    b.backend(),
                    b.entries(),
                    b.sizeBytes(),
                    b.hits(),
                    b.misses(),
                    lookups == 0 ? 0.0 : (double) b.hits() / lookups,
                    saved(b.saved())));
        }
        return new DataTable(
                "Cache",
                List.of("store", "backend", "entries", "sizeBytes", "hits", "misses", "hitRate", "saved"),
                rows);
    }

    /** The stats in {@code format}: {@link #text}, {@link #json} (with a final newline), or {@link #table}. */
    public static String render(CacheStats s, String location, OutputFormat format) {
        return switch (format) {
            case TEXT -> text(s, location);
            case JSON -> json(s, location) + "\n";
            default -> table(s, location).render(format);
        };
    }

    /** "Removed 3 entries from /…/cache.db" ({@code verb} "Removed", "Pruned"). */
    public static String removed(String verb, long removed, String location) {
        return verb + " " + removed + (removed == 1 ? " entry" : " entries") + " from " + location;
    }

    /** "12 requests, 3400 characters, 0+0 tokens". */
    static String saved(Usage u) {
        return u.requests() + " requests, " + u.characters() + " characters, " + u.inputTokens() + "+"
                + u.outputTokens() + " tokens";
    }

    /** "512 B", "1.5 KiB", "3.2 MiB". */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
