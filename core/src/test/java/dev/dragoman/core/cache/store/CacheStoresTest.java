package dev.dragoman.core.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.backend.UnknownTypeException;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.cache.NoResultCache;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoresTest {

    private final CacheStores stores = CacheStores.load(null);

    @TempDir
    Path dir;

    @Test
    void should_open_every_store_through_its_provider() throws Exception {
        // given
        Path file = dir.resolve("cache.db");
        // when / then
        try (ResultCache sqlite = stores.open(CacheStoreSpec.of("sqlite").withPath(file))) {
            assertThat(sqlite).isInstanceOf(SqliteResultCache.class);
        }
        assertThat(Files.exists(file)).isTrue();
        try (ResultCache memory = stores.open(CacheStoreSpec.of("memory"))) {
            assertThat(memory).isInstanceOf(MemoryResultCache.class);
        }
        try (ResultCache none = stores.open(CacheStoreSpec.of("none"))) {
            assertThat(none).isInstanceOf(NoResultCache.class);
        }
        assertThat(stores.types()).containsExactly("memory", "none", "redis", "sqlite");
    }

    @Test
    void should_locate_a_redis_store_without_its_password() {
        // given
        CacheStoreSpec spec = CacheStoreSpec.of("redis").withUrl("redis://:s3cret-pass@cache.example:6390/2");
        // when
        String where = stores.location(spec);
        // then
        assertThat(where).contains("cache.example:6390/2").doesNotContain("s3cret");
        assertThat(spec.toString()).contains("redis://cache.example:6390/2").doesNotContain("s3cret");
    }

    @Test
    void should_say_what_a_store_is_missing() {
        assertThatThrownBy(() -> stores.location(CacheStoreSpec.of("redis")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("cache URL is missing");
        assertThatThrownBy(() -> stores.open(CacheStoreSpec.of("sqlite")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("needs a file");
        assertThatThrownBy(() -> stores.location(CacheStoreSpec.of("redis").withUrl("http://cache.example")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("redis://HOST:PORT/DB");
    }

    @Test
    void should_name_the_known_stores_when_one_is_unknown() {
        assertThatThrownBy(() -> stores.open(CacheStoreSpec.of("disk")))
                .isInstanceOf(UnknownTypeException.class)
                .hasMessage("Unknown cache store type 'disk': known types are memory, none, redis, sqlite.");
    }

    @Test
    void should_serialize_a_store_spec_to_json_and_back() throws Exception {
        // given
        CacheStoreSpec spec = CacheStoreSpec.of("sqlite")
                .withPath(dir.resolve("c.db"))
                .withTtl(Duration.ofDays(7))
                .withMaxBytes(1L << 20);
        // when
        CacheStoreSpec back = Json.mapper().readValue(Json.mapper().writeValueAsString(spec), CacheStoreSpec.class);
        // then
        assertThat(back).isEqualTo(spec);
    }
}
