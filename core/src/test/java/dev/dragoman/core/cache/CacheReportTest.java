package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.json.Json;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheReportTest {

    private final CacheStats stats = new CacheStats(
            3, 2048, 3, 1, 0, List.of(new CacheStats.BackendStats("deepl", 3, 2048, 3, 1, Usage.ofCharacters(3, 120))));

    @Test
    void should_print_totals_then_one_row_per_backend() {
        // when
        String text = CacheReport.text(stats, "/c/cache.db");
        // then
        assertThat(text)
                .startsWith("Store:    /c/cache.db\nEntries:  3 (2.0 KiB)\n"
                        + "Look-ups: 3 hits, 1 misses (hit rate 75.0%), 0 errors\n"
                        + "Saved:    3 requests, 120 characters, 0+0 tokens\n\nBACKEND")
                .endsWith(
                        "deepl                    3    2.0 KiB        3        1  3 requests, 120 characters, 0+0 tokens\n");
    }

    @Test
    void should_add_location_hit_rate_and_saved_to_the_json() throws Exception {
        // when
        var node = Json.mapper().readTree(CacheReport.json(stats, "redis://h:6379 prefix dragoman:"));
        // then
        assertThat(node.get("location").asText()).isEqualTo("redis://h:6379 prefix dragoman:");
        assertThat(node.get("hitRate").asDouble()).isEqualTo(0.75);
        assertThat(node.get("saved").get("characters").asLong()).isEqualTo(120);
        assertThat(node.get("backends").get(0).get("backend").asText()).isEqualTo("deepl");
    }

    @Test
    void should_size_in_bytes_kib_and_mib_and_count_entries_in_words() {
        assertThat(CacheReport.bytes(1023)).isEqualTo("1023 B");
        assertThat(CacheReport.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(CacheReport.bytes(3 * 1024 * 1024)).isEqualTo("3.0 MiB");
        assertThat(CacheReport.removed("Pruned", 1, "memory")).isEqualTo("Pruned 1 entry from memory");
        assertThat(CacheReport.removed("Removed", 2, "memory")).isEqualTo("Removed 2 entries from memory");
    }
}
