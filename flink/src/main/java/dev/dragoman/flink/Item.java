package dev.dragoman.flink;

/**
 * One article read on a worker, on its way to the step, as Flink serializes it itself (a record of strings: no Kryo).
 * {@code article} is the article as JSON; for an item that could not be read, {@code stage}, {@code reason} and
 * {@code retriable} say why and {@code id} and {@code article} are null.
 *
 * @param key what identifies the item across runs (a path, {@code path#n}, {@code feed:guid})
 * @param input what the user named
 * @param url the item's URL when known before reading (feed items)
 * @param id the article's content id
 */
public record Item(
        String key,
        String input,
        String url,
        String id,
        String article,
        String stage,
        String reason,
        boolean retriable) {

    static Item read(String key, String input, String url, String id, String article) {
        return new Item(key, input, url, id, article, null, null, false);
    }

    static Item failed(String key, String input, String url, String stage, String reason, boolean retriable) {
        return new Item(key, input, url, null, null, stage, reason, retriable);
    }

    boolean isFailed() {
        return stage != null;
    }

    /** The key items are deduplicated by: the article's content id, or the item's key for one that failed. */
    String dedupKey() {
        return id != null ? "id:" + id : "key:" + key;
    }
}
