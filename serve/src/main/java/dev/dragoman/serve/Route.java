package dev.dragoman.serve;

/**
 * One endpoint: method and path, the API family that shapes its errors and finds its key, whether it needs a client
 * key, whether it goes through admission control (it may call a backend), and the handler.
 *
 * <p>{@code maxBody} is the route's own body limit (a DeepL glossary upload), 0 for its API's.
 *
 * <p>A {@code *} segment matches any one path segment, the last ({@code /api/v1/digests/*}) or the one before it
 * ({@code /v2/glossaries/*}{@code /entries}).
 */
record Route(String method, String path, Api api, boolean keyed, boolean admitted, Handler handler, long maxBody) {

    /** A route whose body limit is its API's ({@code serve.max-body}; DeepL's also at most 128 KiB). */
    Route(String method, String path, Api api, boolean keyed, boolean admitted, Handler handler) {
        this(method, path, api, keyed, admitted, handler, 0);
    }

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
