package dev.dragoman.pipeline.config;

import java.util.Map;
import java.util.Optional;

/**
 * Which {@link Setting} each command-line option stands for. The CLI's default provider uses it to fill an option
 * the user did not give; nothing else maps flags to settings (beside {@link Setting}, the one table of settings). Keys are a command's name below {@code dragoman}
 * ({@code translate}, {@code eval summarize}) and the option's longest name.
 */
public final class OptionBindings {

    private static final Map<String, Setting> ANY_COMMAND = Map.of(
            "--format", Setting.FORMAT,
            "--glossary", Setting.GLOSSARY,
            "--cache", Setting.CACHE_STORE,
            "--cache-path", Setting.CACHE_PATH,
            "--cache-url", Setting.CACHE_URL,
            "--max-cost", Setting.BUDGET);

    private static final Map<String, Map<String, Setting>> BY_COMMAND = Map.of(
            "translate",
                    Map.of(
                            "--backend",
                            Setting.TRANSLATE_BACKEND,
                            "--to",
                            Setting.TRANSLATE_TO,
                            "--from",
                            Setting.TRANSLATE_FROM),
            "brief",
                    Map.of(
                            "--backend",
                            Setting.TRANSLATE_BACKEND,
                            "--to",
                            Setting.TRANSLATE_TO,
                            "--from",
                            Setting.TRANSLATE_FROM,
                            "--sentences",
                            Setting.SUMMARIZE_SENTENCES),
            "summarize",
                    Map.of(
                            "--backend",
                            Setting.SUMMARIZE_BACKEND,
                            "--sentences",
                            Setting.SUMMARIZE_SENTENCES,
                            "--style",
                            Setting.SUMMARIZE_STYLE,
                            "--lang",
                            Setting.SUMMARIZE_LANG),
            "eval summarize", Map.of("--backend", Setting.SUMMARIZE_BACKEND),
            // batch: --translate-to is not bound (giving it is what asks batch to translate)
            "batch",
                    Map.of(
                            "--translate-backend",
                            Setting.TRANSLATE_BACKEND,
                            "--summarize-backend",
                            Setting.SUMMARIZE_BACKEND),
            "serve", Map.of("--host", Setting.SERVE_HOST, "--port", Setting.SERVE_PORT));

    /** Options of a command that share a name with a bound one but mean something else. */
    private static final Map<String, java.util.Set<String>> UNBOUND =
            Map.of("batch", java.util.Set.of("--format")); // its per-article output files (json,md), not FORMAT

    private OptionBindings() {}

    /** The setting behind {@code option} in {@code command}, if it is bound to one. */
    public static Optional<Setting> settingFor(String command, String option) {
        Map<String, Setting> specific = BY_COMMAND.getOrDefault(command, Map.of());
        if (specific.containsKey(option)) {
            return Optional.of(specific.get(option));
        }
        if (UNBOUND.getOrDefault(command, java.util.Set.of()).contains(option)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ANY_COMMAND.get(option));
    }
}
