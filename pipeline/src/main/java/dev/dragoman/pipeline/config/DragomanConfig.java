package dev.dragoman.pipeline.config;

import dev.dragoman.pipeline.cost.PriceTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration file as loaded: where it is, whether it exists, its setting values (with their lines) and its
 * named backends, and the prices written under {@code prices:} (entries over the shipped table; empty when none). An
 * absent file is an empty configuration: everything then comes from flags, the environment and the built-in defaults.
 * Immutable.
 */
public record DragomanConfig(
        Path path,
        boolean exists,
        Map<Setting, FileValue> values,
        Map<String, BackendConfig> backends,
        PriceTable prices) {

    /** A value written in the file and the line it is on. */
    public record FileValue(String value, int line) {}

    public DragomanConfig {
        values = Map.copyOf(values);
        backends = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(backends));
        prices = prices == null ? PriceTable.of(Map.of()) : prices;
    }

    /** A file's values and backends, with no prices of its own. */
    public DragomanConfig(
            Path path, boolean exists, Map<Setting, FileValue> values, Map<String, BackendConfig> backends) {
        this(path, exists, values, backends, null);
    }

    public static DragomanConfig absent(Path path) {
        return new DragomanConfig(path, false, Map.of(), Map.of());
    }

    public Optional<FileValue> value(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /** "/home/u/.config/dragoman/config.yaml line 12" — for messages. */
    public String where(int line) {
        return path + (line > 0 ? " line " + line : "");
    }
}
