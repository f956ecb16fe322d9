package dev.dragoman.serve;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.text.Durations;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.config.BackendConfig;
import dev.dragoman.pipeline.config.ConfigException;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.config.Stores;
import dev.dragoman.translate.TranslationBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dragoman serve} from the configuration ({@code serve:} section of the same YAML file, {@code DRAGOMAN_SERVE_*}
 * variables, flags applied by the front end): the options, the client keys file, and the backends built as every
 * other command builds them (same specs, keys, cache store, and the rate limits shared through
 * {@code rate-limit.url} with every other process naming it). Closing it closes the cache store and the rate limits.
 */
public final class ServeConfig implements AutoCloseable {

    private final ServeOptions options;
    private final ServeBackends backends;
    private final MeteredResultCache store;
    private final SharedRateLimits rateLimits;

    private ServeConfig(
            ServeOptions options, ServeBackends backends, MeteredResultCache store, SharedRateLimits rateLimits) {
        this.options = options;
        this.backends = backends;
        this.store = store;
        this.rateLimits = rateLimits;
    }

    /**
     * @param host, port already resolved by the front end (flags over {@code serve.host}, {@code serve.port})
     * @throws ConfigException naming the setting and the fix
     */
    public static ServeConfig open(Settings settings, String host, int port) {
        ServeOptions options = options(settings, host, port);
        List<String> names = names(settings);
        String summarizer = value(settings, Setting.SERVE_SUMMARIZER);
        if (summarizer == null) {
            summarizer = value(settings, Setting.SUMMARIZE_BACKEND);
        }
        MeteredResultCache store = Stores.open(
                settings,
                value(settings, Setting.CACHE_STORE),
                value(settings, Setting.CACHE_PATH),
                value(settings, Setting.CACHE_URL));
        SharedRateLimits shared = null;
        try {
            shared = Stores.rateLimits(settings);
            UsageMeter meter = new UsageMeter();
            Map<String, TranslationBackend> translators = new LinkedHashMap<>();
            for (String name : names) {
                BackendConfig b = settings.backend(name);
                translators.put(
                        name,
                        settings.backends(b)
                                .withCache(store)
                                .withRateLimits(shared)
                                .withMeter(meter)
                                .cachedTranslator(b.spec()));
            }
            BackendConfig s = settings.backend(summarizer);
            var built = new ServeBackends(
                    translators,
                    settings.backends(s)
                            .withCache(store)
                            .withRateLimits(shared)
                            .withMeter(meter)
                            .summarizer(s.spec()),
                    meter,
                    settings.glossary());
            return new ServeConfig(options, built, store, shared);
        } catch (RuntimeException e) {
            store.close();
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
    }

    private static ServeOptions options(Settings settings, String host, int port) {
        ServeOptions.Builder b = ServeOptions.builder().host(host).port(port);
        b.maxBodyBytes(Durations.parseSize(value(settings, Setting.SERVE_MAX_BODY)));
        b.maxGlossaryBytes(Durations.parseSize(value(settings, Setting.SERVE_MAX_GLOSSARY)));
        b.maxGlossariesTotalBytes(Durations.parseSize(value(settings, Setting.SERVE_MAX_GLOSSARIES_TOTAL)));
        int inFlight =
                Integer.parseInt(value(settings, Setting.SERVE_MAX_IN_FLIGHT).strip());
        b.admission(inFlight, 2 * inFlight, Duration.ofSeconds(2));
        String chars = value(settings, Setting.SERVE_CHAR_LIMIT);
        b.textLimits(chars == null ? -1 : Integer.parseInt(chars.strip()), -1);
        String languages = value(settings, Setting.SERVE_LANGUAGES);
        if (languages != null) {
            List<Language> list = new ArrayList<>();
            for (String l : languages.split(",")) {
                if (!l.isBlank()) {
                    list.add(Language.of(l.strip()));
                }
            }
            b.languages(list);
        }
        String keys = value(settings, Setting.SERVE_KEYS);
        if (keys != null) {
            b.keys(ApiKeys.read(Stores.expandHome(settings.env(), keys)));
        }
        String digests = value(settings, Setting.SERVE_DIGESTS);
        if (digests != null) {
            b.digests(Stores.expandHome(settings.env(), digests));
        }
        ServeOptions o = b.build();
        try {
            o.check();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return o;
    }

    /** serve.backends, else translate.backend; at least one. */
    private static List<String> names(Settings settings) {
        String list = value(settings, Setting.SERVE_BACKENDS);
        if (list == null) {
            list = value(settings, Setting.TRANSLATE_BACKEND);
        }
        List<String> names = new ArrayList<>();
        if (list != null) {
            for (String n : list.split(",")) {
                if (!n.isBlank() && !names.contains(n.strip())) {
                    names.add(n.strip());
                }
            }
        }
        if (names.isEmpty()) {
            throw new ConfigException(
                    "dragoman serve needs a translation backend: write 'serve: backends: NAME[,NAME]' "
                            + "(or 'translate: backend: NAME') in "
                            + settings.config().path()
                            + ", or set DRAGOMAN_SERVE_BACKENDS; 'dragoman config init' writes a starter file.");
        }
        return names;
    }

    private static String value(Settings settings, Setting setting) {
        return settings.resolve(setting).value();
    }

    public ServeOptions options() {
        return options;
    }

    public ServeBackends backends() {
        return backends;
    }

    @Override
    public void close() {
        store.close();
        if (rateLimits != null) {
            rateLimits.close();
        }
    }
}
