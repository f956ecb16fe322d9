package dev.dragoman.pipeline.config;

import dev.dragoman.core.cache.store.CacheStores;
import dev.dragoman.pipeline.backend.Backends;
import okhttp3.OkHttpClient;

/**
 * The backend types and cache stores this build knows: the providers on the class path, loaded once per process.
 * The configuration is checked against them and fills in their defaults; commands build backends from them.
 */
public final class BackendTypes {

    private BackendTypes() {}

    private static final class Holder {
        static final Backends REGISTRY = Backends.load(BackendTypes.class.getClassLoader());
    }

    /** Every provider, without keys, HTTP client or cache: derive a run's factory with the {@code with*} methods. */
    public static Backends registry() {
        return Holder.REGISTRY;
    }

    private static final class Http {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    /**
     * The one OkHttp client of the process, created on first use (commands that make no HTTP call never load
     * OkHttp). Backends derive their own settings with {@code newBuilder()}, sharing its connection pool and threads.
     */
    public static OkHttpClient http() {
        return Http.CLIENT;
    }

    private static final class Stores {
        static final CacheStores REGISTRY = CacheStores.load(BackendTypes.class.getClassLoader());
    }

    /** The cache stores this build knows (sqlite, redis, memory, none, and any other provider). */
    public static CacheStores cacheStores() {
        return Stores.REGISTRY;
    }

    /** "anthropic, apertium, azure, …" — for messages. */
    public static String names() {
        return String.join(", ", registry().types());
    }
}
