package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachePathsTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void should_use_xdg_cache_home_when_set() {
        assertThat(CachePaths.defaultPath(Map.of("XDG_CACHE_HOME", "/var/cache/ana"), home))
                .isEqualTo(Path.of("/var/cache/ana/dragoman/cache.db"));
    }

    @Test
    void should_fall_back_to_dot_cache_in_home_when_xdg_is_unset_empty_or_relative() {
        Path expected = Path.of("/home/ana/.cache/dragoman/cache.db");
        assertThat(CachePaths.defaultPath(Map.of(), home)).isEqualTo(expected);
        assertThat(CachePaths.defaultPath(Map.of("XDG_CACHE_HOME", ""), home)).isEqualTo(expected);
        assertThat(CachePaths.defaultPath(Map.of("XDG_CACHE_HOME", "relative/cache"), home))
                .isEqualTo(expected);
    }
}
