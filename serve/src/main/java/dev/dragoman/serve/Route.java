package dev.dragoman.serve;

/**
 * One endpoint: method and path, the API family that shapes its errors and finds its key, whether it needs a client
 * key, whether it goes through admission control (it may call a backend), and the handler.
 *
 * <p>A {@code *} segment matches any one path segment, the last ({@code /api/v1/digests/*}) or the one before it
 * ({@code /v2/glossaries/*}{@code /entries}).
 */
record Route(String method, String path, Api api, boolean keyed, boolean admitted, Handler handler) {

    /** Where a request's key comes from and how errors look. */
    enum Api {
        /** LibreTranslate: {@code api_key} (or {@code apiKey}) in the body or query; {@code {"error": …}}. */
        LIBRE,
        /** DeepL: {@code Authorization: DeepL-Auth-Key K}; {@code {"message": …}}. */
        DEEPL,
        /** Dragoman's own: {@code Authorization: Bearer K} or {@code X-Api-Key}; {@code {"error": …}}. */
        DRAGOMAN
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Exchange exchange) throws Exception;
    }

    /** The label in metrics and the access log: the method and path template, never a raw path. */
    String name() {
        return method + " " + path;
    }
}
