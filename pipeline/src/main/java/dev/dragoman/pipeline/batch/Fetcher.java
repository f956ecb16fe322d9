package dev.dragoman.pipeline.batch;

/** Fetches a URL (a feed, an article page). Implementations are thread-safe. */
@FunctionalInterface
public interface Fetcher {

    /** A fetched document: its bytes, the Content-Type it was served with (nullable) and the final URL. */
    record Fetched(byte[] body, String contentType, String url) {}

    /**
     * @throws dev.dragoman.core.error.DragomanException when the server cannot be reached or answers with an error
     *     (retriable for timeouts, 429 and 5xx; not for other 4xx)
     */
    Fetched fetch(String url);
}
