package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.backend.MissingKeyException;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.cost.Budget;
import dev.dragoman.pipeline.cost.PriceTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves every {@link Setting} below the command line: environment ({@code DRAGOMAN_*}) over the file over the
 * built-in default. Flags sit above all three; a front end applies them after asking this (the CLI through its
 * picocli default provider) — so the precedence flags &gt; environment &gt; file &gt; defaults is implemented once.
 * Also resolves backend names. Immutable.
 */
public final class Settings {

    /** Where a value came from. */
    public enum Source {
        FLAG,
        ENVIRONMENT,
        FILE,
        DEFAULT,
        UNSET
    }

    /** A resolved value (null when unset), its source and a human "where" (variable name, file and line). */
    public record Resolved(Setting setting, String value, Source source, String where) {
        public Optional<String> optional() {
            return Optional.ofNullable(value);
        }

        /**
         * {@code setting} given on a command line as its {@link Setting#flag()}.
         *
         * @throws IllegalArgumentException saying what is wrong with {@code value} and what is accepted
         */
        public static Resolved given(Setting setting, String value) {
            setting.validate(value);
            return new Resolved(setting, value, Source.FLAG, setting.flag());
        }
    }

    private final DragomanConfig config;
    private final Map<String, String> env;
    private final String glossaryFile;
    private final Budget budget;
    /** The backends' HTTP client behind a batch's gate; null: the process's shared one ({@link BackendTypes#http}). */
    private final java.util.function.Supplier<okhttp3.OkHttpClient> http;

    public Settings(DragomanConfig config, Map<String, String> env) {
        this(config, env, null, null, null);
    }

    private Settings(
            DragomanConfig config,
            Map<String, String> env,
            String glossaryFile,
            Budget budget,
            java.util.function.Supplier<okhttp3.OkHttpClient> http) {
        this.config = Objects.requireNonNull(config, "config");
        this.env = Map.copyOf(env);
        this.glossaryFile = glossaryFile;
        this.budget = budget;
        this.http = http;
    }

    /**
     * A copy whose backends send every request through {@code gate} (a batch's {@code --jobs}: a permit only while a
     * request is on the wire); give the same gate to {@link dev.dragoman.pipeline.batch.BatchEngine.Builder#gate}.
     */
    public Settings withGate(dev.dragoman.pipeline.batch.JobsGate gate) {
        Objects.requireNonNull(gate, "gate");
        java.util.function.Supplier<okhttp3.OkHttpClient> shared = http != null ? http : BackendTypes::http;
        return new Settings(config, env, glossaryFile, budget, new java.util.function.Supplier<>() {
            private okhttp3.OkHttpClient gated; // made on first use: a run that sends nothing never loads OkHttp

            @Override
            public synchronized okhttp3.OkHttpClient get() {
                if (gated == null) {
                    gated = gate.around(shared.get());
                }
                return gated;
            }
        });
    }

    /**
     * A copy whose glossary is {@code file} (a {@code --glossary} flag: above the environment and the file); null
     * keeps {@link Setting#GLOSSARY}'s.
     */
    public Settings withGlossary(String file) {
        return file == null || file.isBlank() ? this : new Settings(config, env, file.strip(), budget, http);
    }

    /**
     * A copy whose backends all draw on one {@link Budget} of {@code maxUsd} dollars (a {@code --max-cost} flag, else
     * {@link Setting#BUDGET}'s value as the front end resolved and parsed it with {@link Setting#dollars}), priced from
     * {@link #prices()}; null: no cap. Build a run's backends from one such copy, so translations and summaries share
     * the cap.
     *
     * @throws IllegalArgumentException when {@code maxUsd} is not a positive, finite amount
     */
    public Settings withBudget(Double maxUsd) {
        if (maxUsd == null) {
            return this;
        }
        return new Settings(config, env, glossaryFile, Budget.of(maxUsd, prices()), http);
    }

    /** The run's budget, or null for none (see {@link #withBudget}). */
    public Budget budget() {
        return budget;
    }

    /**
     * The run's glossary ({@link GlossaryLoader}), read from the flag's file, else {@link Setting#GLOSSARY}'s; null
     * when none is set. Every translator from {@link #backends} applies it.
     *
     * @throws dev.dragoman.core.error.InvalidInputException naming the file and line when it cannot be read
     */
    public Glossary glossary() {
        String file =
                glossaryFile != null ? glossaryFile : resolve(Setting.GLOSSARY).value();
        if (file == null || file.isBlank()) {
            return null;
        }
        return GlossaryLoader.load(Stores.expandHome(env, file));
    }

    /**
     * The run's prices: the shipped table, under the file {@link Setting#PRICES} names (LiteLLM's JSON format), under
     * the entries written under {@code prices:} in the configuration — each replacing the entries of the same key.
     *
     * @throws dev.dragoman.core.error.DragomanException of kind CONFIGURATION when the file cannot be read or holds a
     *     malformed entry, naming it
     */
    public PriceTable prices() {
        PriceTable table = PriceTable.standard();
        String file = resolve(Setting.PRICES).value();
        if (file != null && !file.isBlank()) {
            table = table.withOverrides(Stores.expandHome(env, file));
        }
        return table.withOverrides(config.prices());
    }

    /**
     * The settings a front end without a configuration flag of its own starts from: the file ({@code configFile},
     * else {@code DRAGOMAN_CONFIG}, else the XDG location, see {@link ConfigPaths#locate}) over the built-in
     * defaults, below the environment.
     *
     * @param configFile the file the user named, or null
     * @param env the process environment (keys, {@code DRAGOMAN_*}, {@code XDG_*}, {@code HOME})
     * @throws ConfigException when the file or a {@code DRAGOMAN_*} variable is invalid, naming it and the fix
     */
    public static Settings load(String configFile, Map<String, String> env) {
        return tryLoad(configFile, env).orThrow();
    }

    /**
     * As {@link #load}, but a broken file or {@code DRAGOMAN_*} variable is kept rather than thrown, so a front end
     * can still start (fill option defaults, print {@code --help}) and report it when a command needs the settings.
     */
    public static Loaded tryLoad(String configFile, Map<String, String> env) {
        ConfigPaths.Location where = ConfigPaths.locate(configFile, env);
        DragomanConfig config;
        ConfigException error = null;
        try {
            config = ConfigLoader.load(where.path(), where.explicit());
        } catch (ConfigException e) {
            error = e;
            config = DragomanConfig.absent(where.path());
        }
        Settings candidate = new Settings(config, env);
        try {
            candidate.checkEnvironment();
            return new Loaded(candidate, error);
        } catch (ConfigException e) {
            // built-in defaults and the file only; the error is reported when the settings are asked for
            return new Loaded(new Settings(config, Map.of()), error == null ? e : error);
        }
    }

    /**
     * What {@link #tryLoad} found: {@code settings} fill option defaults whatever happened (the environment left out
     * when it is invalid), {@code error} is the first problem with the file or the environment, or null.
     */
    public record Loaded(Settings settings, ConfigException error) {

        /** The settings, or the problem found while loading them. */
        public Settings orThrow() {
            if (error != null) {
                throw error;
            }
            return settings;
        }
    }

    public DragomanConfig config() {
        return config;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The value of {@code setting} for {@code command} (e.g. "parse"), from the environment, the file or the default. */
    public Resolved resolve(Setting setting, String command) {
        String fromEnv = env.get(setting.envVariable());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Resolved(setting, fromEnv.strip(), Source.ENVIRONMENT, setting.envVariable());
        }
        Optional<DragomanConfig.FileValue> fromFile = config.value(setting);
        if (fromFile.isPresent()) {
            return new Resolved(
                    setting,
                    fromFile.get().value(),
                    Source.FILE,
                    config.where(fromFile.get().line()));
        }
        return setting.builtIn(command)
                .map(v -> new Resolved(setting, v, Source.DEFAULT, "built-in"))
                .orElse(new Resolved(setting, null, Source.UNSET, ""));
    }

    public Resolved resolve(Setting setting) {
        return resolve(setting, null);
    }

    /**
     * Checks every {@code DRAGOMAN_*} variable that is set.
     *
     * @throws ConfigException naming the variable, its problem and what is accepted
     */
    public void checkEnvironment() {
        for (Setting s : Setting.values()) {
            String v = env.get(s.envVariable());
            if (v != null && !v.isBlank()) {
                try {
                    s.validate(v.strip());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("The environment variable " + s.envVariable() + " is invalid: "
                            + e.getMessage() + " — expected " + s.description() + ".");
                }
            }
        }
    }

    /**
     * The backend called {@code name}: one defined in the file, else an implicit one when the name is a backend type
     * ({@code deepl}, {@code ollama}, {@code extractive}).
     *
     * @throws ConfigException listing the configured names when there is none by that name
     */
    public BackendConfig backend(String name) {
        BackendConfig b = config.backends().get(name);
        if (b != null) {
            return b;
        }
        Backends registry = BackendTypes.registry();
        String type = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (registry.knows(type)) {
            return BackendConfig.implicit(registry.resolve(BackendSpec.of(type)));
        }
        throw new ConfigException("No backend is called '" + name + "': "
                + (config.backends().isEmpty()
                        ? "define it under 'backends:' in " + config.path()
                        : "the configured ones are "
                                + String.join(", ", config.backends().keySet()) + " (in " + config.path() + ")")
                + ", or use a backend type by name (" + BackendTypes.names() + ").");
    }

    /**
     * The factory that builds {@code b}: keys and vendor options from this run's environment (or the key written in
     * the file), the process's shared HTTP client, the run's {@link #glossary()} (read when a translator is built),
     * the run's budget, and {@code b}'s {@code fallback:} chain, followed through each fallback's own, for its
     * translators and summarizers ({@link Backends#withFallbacks}).
     *
     * @throws ConfigException when a fallback names no backend, or one that shares no role with the one listing it
     */
    public Backends backends(BackendConfig b) {
        return BackendTypes.registry()
                .withVariables(b.variables(env))
                .withHttp(http != null ? http : BackendTypes::http)
                .withGlossary(this::glossary)
                .withBudget(budget)
                .withFallbacks(fallbacks(b));
    }

    /**
     * {@code b}'s fallbacks, each with its own key lookup: its {@code fallback:} list in order, each entry followed at
     * once by its own chain (depth first: {@code dl: fallback: gpt} and {@code gpt: fallback: apertium} give gpt,
     * apertium), every backend once and {@code b} never (a cycle ends there).
     *
     * @throws ConfigException when an entry names no backend, or one that shares no role (translating, summarizing)
     *     with the backend that lists it
     */
    private List<Backends.Fallback> fallbacks(BackendConfig b) {
        List<Backends.Fallback> chain = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(b.name());
        follow(b, BackendTypes.registry(), chain, seen);
        return chain;
    }

    /**
     * The names of {@code b}'s whole fallback chain, each fallback's own followed ({@link #backends}), for listings.
     *
     * @throws ConfigException as {@link #backends}
     */
    public List<String> fallbackChain(BackendConfig b) {
        return fallbacks(b).stream().map(f -> f.spec().name()).toList();
    }

    private void follow(
            BackendConfig from, Backends registry, List<Backends.Fallback> chain, java.util.Set<String> seen) {
        for (String name : from.fallback()) {
            BackendConfig next = backend(name);
            boolean translates = registry.canTranslate(from.type());
            if (!(translates && registry.canTranslate(next.type()))
                    && !(registry.canSummarize(from.type()) && registry.canSummarize(next.type()))) {
                throw new ConfigException("The fallback '" + name + "' of " + from.describe() + " is of type "
                        + next.type() + ", which does not " + (translates ? "translate" : "summarize") + ": list "
                        + (translates ? "translating" : "summarizing") + " backends ("
                        + String.join(", ", translates ? registry.translationTypes() : registry.summaryTypes())
                        + ").");
            }
            if (seen.add(next.name())) {
                chain.add(new Backends.Fallback(next.spec(), next.variables(env)));
                follow(next, registry, chain, seen);
            }
        }
    }

    /**
     * The translation backend called {@code name} (a flag's or {@link Setting#TRANSLATE_BACKEND}'s value).
     *
     * @throws ConfigException explaining how to configure one (with a snippet) when {@code name} is null or blank,
     *     or listing the configured names when there is none by that name
     */
    public BackendConfig translationBackend(String name) {
        if (name == null || name.isBlank()) {
            throw new ConfigException(noTranslationBackend(null));
        }
        return backend(name.strip());
    }

    /**
     * The translation backend called {@code name}, checked against the target languages its vendor publishes.
     *
     * @throws ConfigException as {@link #translationBackend(String)}
     * @throws UsageException saying why, when a language of {@code targets} is not one the backend translates into
     */
    public BackendConfig translationBackend(String name, Collection<Language> targets) {
        BackendConfig b = translationBackend(name);
        for (Language target : targets) {
            backends(b).unsupportedTarget(b.spec(), target).ifPresent(why -> {
                throw new UsageException(why);
            });
        }
        return b;
    }

    /** The summarizer called {@code name}: {@code extractive} (embedded, offline) when null or blank. */
    public BackendConfig summaryBackend(String name) {
        return backend(name == null || name.isBlank() ? "extractive" : name.strip());
    }

    /**
     * "No translation backend is configured. Add one to FILE, for example: …" with a snippet and the ways out.
     *
     * @param flag the front end's flag that names a backend for one run ({@code --backend}), or null for none
     */
    public String noTranslationBackend(String flag) {
        return "No translation backend is configured. Add one to "
                + config.path() + ", for example:\n\n"
                + "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\ntranslate:\n  backend: gpt\n\n"
                + "and export OPENAI_API_KEY=… (or type: deepl with DEEPL_AUTH_KEY, or type: ollama for a local model "
                + "without a key). 'dragoman config init' writes a commented starter file; "
                + (flag == null
                        ? "DRAGOMAN_TRANSLATE_BACKEND picks a backend for one run."
                        : flag + " NAME (or DRAGOMAN_TRANSLATE_BACKEND) picks a backend for one run, e.g. " + flag
                                + " deepl.");
    }

    /**
     * What to tell the user about a missing key: the library's sentence, plus where to name another variable when
     * the backend is from the file ("Backend 'work' (FILE line 2, type deepl) needs an API key: export …").
     */
    public String explain(MissingKeyException e) {
        BackendConfig b = config.backends().get(e.spec().name());
        if (b == null || !b.fromFile()) {
            return e.getMessage();
        }
        String variable = e.spec().keyVariable() == null
                ? "an API key variable"
                : e.spec().keyVariable();
        return "Backend '" + b.name() + "' (" + b.file() + " line " + b.line() + ", type " + b.type()
                + ") needs an API key: export " + variable + "=…, or set 'api-key-env' in " + b.file()
                + " to the variable that holds it.";
    }

    /** Every backend the file defines, then nothing implicit. */
    public List<BackendConfig> configuredBackends() {
        return new ArrayList<>(config.backends().values());
    }

    /**
     * Every secret the run could see — keys written in the file and the values of every key variable — so outputs
     * and messages can be scrubbed of them.
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        Backends registry = BackendTypes.registry();
        for (String type : registry.types()) {
            String variable = registry.provider(type).defaults().keyVariable();
            if (variable != null) {
                secrets.add(env.get(variable));
            }
        }
        for (BackendConfig b : config.backends().values()) {
            if (b.spec().keyVariable() != null) {
                secrets.add(env.get(b.spec().keyVariable()));
            }
            if (b.literalKey() != null) {
                secrets.add(b.literalKey());
            }
        }
        env.forEach((k, v) -> {
            if (k.startsWith("DRAGOMAN_") && (k.contains("KEY") || k.contains("TOKEN") || k.contains("SECRET"))) {
                secrets.add(v);
            }
        });
        // a Redis password inside the cache URL
        resolve(Setting.CACHE_URL).optional().ifPresent(url -> {
            int at = url.lastIndexOf('@');
            int scheme = url.indexOf("://");
            if (at > 0 && scheme >= 0 && at > scheme + 3) {
                String info = url.substring(scheme + 3, at);
                secrets.add(info.contains(":") ? info.substring(info.indexOf(':') + 1) : info);
            }
        });
        secrets.removeIf(s -> s == null || s.strip().length() < 4);
        return secrets;
    }
}
