package dev.dragoman.cli.wiring;

import okhttp3.OkHttpClient;

/**
 * The one OkHttp client of a process, created on first use (commands that make no HTTP call never load OkHttp).
 * Backends derive their own settings with {@code newBuilder()}, sharing its connection pool and threads.
 */
public final class Http {

    private Http() {}

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    public static OkHttpClient client() {
        return Holder.CLIENT;
    }
}
