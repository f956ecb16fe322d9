package dev.dragoman.pipeline.config;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.write.DataTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The effective configuration as people read it — each setting's value and where it came from, the backends with
 * secrets redacted — and the commented starter file. What {@code dragoman config show|init} print and write; any
 * front end can show the same. Stateless.
 */
public final class ConfigReport {

    private static final String STARTER = "/dev/dragoman/pipeline/config/config-starter.yaml";

    /** The report, and warnings to tell the user apart from it (a key written in the file). */
    public record Shown(String text, List<String> warnings) {
        public Shown {
            warnings = List.copyOf(warnings);
        }
    }

    private ConfigReport() {}

    /**
     * @param resolve each setting's value: {@link Settings#resolve(Setting)}, or a front end's own for settings it
     *     was given directly ({@link Settings.Source#FLAG}, its {@code where} naming the flag)
     */
    public static Shown show(Settings settings, Function<Setting, Settings.Resolved> resolve) {
        StringBuilder out = new StringBuilder();
        out.append("Configuration file: ")
                .append(settings.config().path())
                .append(
                        settings.config().exists()
                                ? ""
                                : " (not found: built-in defaults in use; 'dragoman config init' writes a starter file)")
                .append("\n\n");
        out.append("Settings (flag > environment > file > default):\n");
        int width = 0;
        for (Setting s : Setting.values()) {
            width = Math.max(width, s.key().length());
        }
        for (Setting s : Setting.values()) {
            Settings.Resolved r = resolve.apply(s);
            String value = r.value() == null ? "(unset)" : r.value();
            String where = switch (r.source()) {
                case FLAG -> "flag " + r.where();
                case ENVIRONMENT -> "environment " + r.where();
                case FILE -> "file " + r.where();
                case DEFAULT -> "default";
                case UNSET -> "";
            };
            out.append(String.format(Locale.ROOT, "  %-" + width + "s = %-28s %s%n", s.key(), value, where));
        }
        out.append('\n');
        List<String> warnings = new ArrayList<>();
        List<BackendConfig> backends = settings.configuredBackends();
        if (backends.isEmpty()) {
            out.append("Backends: none configured (the embedded 'extractive' summarizer needs none).\n");
        } else {
            out.append("Backends:\n");
            for (BackendConfig b : backends) {
                BackendSpec s = b.spec();
                out.append("  " + b.name() + ": type " + b.type()
                        + (s.model() == null ? "" : ", model " + s.model())
                        + (s.baseUrl() == null ? "" : ", base-url " + s.baseUrl())
                        + options(s)
                        + (b.fallback().isEmpty()
                                ? ""
                                : ", fallback " + String.join(", ", b.fallback()) + then(settings, b))
                        + ", " + BackendListing.keyStatus(b, settings.env())
                        + "  (" + b.file() + " line " + b.line() + ")\n");
                if (b.literalKey() != null) {
                    warnings.add("backend '" + b.name() + "' has its API key written in " + b.file()
                            + " (shown as [REDACTED]): move it to an environment variable and name that with "
                            + "'api-key-env'");
                }
            }
        }
        return new Shown(out.toString(), warnings);
    }

    /** " (then apertium)": the fallbacks' own chains as the run follows them, when they add any. */
    private static String then(Settings settings, BackendConfig b) {
        try {
            List<String> chain = settings.fallbackChain(b);
            return chain.size() > b.fallback().size()
                    ? " (then " + String.join(", ", chain.subList(b.fallback().size(), chain.size())) + ")"
                    : "";
        } catch (ConfigException e) {
            return ""; // said where the chain is built
        }
    }

    /**
     * The same as a table for the data formats ({@code config show --format json|jsonl|md|html}): one row per setting
     * (value, source, where), then one per backend (redacted, as in {@link #show}).
     */
    public static DataTable table(Settings settings, Function<Setting, Settings.Resolved> resolve) {
        List<List<Object>> rows = new ArrayList<>();
        for (Setting s : Setting.values()) {
            Settings.Resolved r = resolve.apply(s);
            rows.add(java.util.Arrays.asList(
                    "setting", s.key(), r.value(), r.source().name().toLowerCase(Locale.ROOT), r.where()));
        }
        for (BackendConfig b : settings.configuredBackends()) {
            BackendSpec s = b.spec();
            rows.add(java.util.Arrays.asList(
                    "backend",
                    b.name(),
                    "type " + b.type()
                            + (s.model() == null ? "" : ", model " + s.model())
                            + (s.baseUrl() == null ? "" : ", base-url " + s.baseUrl())
                            + options(s)
                            + ", " + BackendListing.keyStatus(b, settings.env()),
                    "file",
                    b.file() + " line " + b.line()));
        }
        return new DataTable(
                "Configuration: " + settings.config().path(),
                List.of("kind", "name", "value", "source", "where"),
                rows);
    }

    /** ", region westeurope" for each vendor option. */
    private static String options(BackendSpec s) {
        StringBuilder sb = new StringBuilder();
        s.options().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    /**
     * Writes the commented starter configuration to {@code path} (parent folders created, mode 0600 where the file
     * system has POSIX modes).
     *
     * @param force replace an existing file
     * @throws ConfigException when the file exists (without {@code force}) or cannot be written, saying what to do
     */
    public static void writeStarter(Path path, boolean force) {
        String starter = starter();
        // the starter must always load: a broken template would be a bug, not a user error
        ConfigLoader.parse(path, starter);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            if (force) {
                Files.writeString(path, starter, StandardCharsets.UTF_8);
            } else {
                Files.writeString(
                        path, starter, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("The configuration file " + path + " already exists: edit it, or run "
                    + "'dragoman config init --force' to replace it with the starter.");
        } catch (IOException e) {
            throw new ConfigException("Cannot write " + path + " (" + e.getMessage() + "): choose another place "
                    + "with --config FILE.");
        }
    }

    /** The commented starter configuration (every section, one backend of each kind). */
    public static String starter() {
        try (InputStream in = ConfigReport.class.getResourceAsStream(STARTER)) {
            if (in == null) {
                throw new IllegalStateException("config-starter.yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
