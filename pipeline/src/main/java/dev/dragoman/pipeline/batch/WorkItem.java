package dev.dragoman.pipeline.batch;

import dev.dragoman.core.Article;
import dev.dragoman.pipeline.step.StageException;
import java.util.Objects;

/**
 * One unit of batch work: an article still to be loaded. {@code key} identifies it across runs (a file path, a
 * feed item's guid, {@code path#n} for the n-th article of a multi-article file); {@code input} is what the user
 * named (for failures.jsonl); {@code url} is the article's page when known before loading. {@code note} says what
 * loading does beyond the input (a teaser item's page is fetched), or null. {@code fetches} is true when loading
 * fetches that page: only such an item is skipped by its URL before loading, so a page already done is never fetched
 * again. An item that carries its article (a file, a full-text feed item) is known by its content alone — a URL it
 * declares never hides another article, nor an edited version of itself.
 */
public record WorkItem(String key, String input, String url, Loader loader, String note, boolean fetches) {

    /** An item that carries its article or fails to, without a note. */
    public WorkItem(String key, String input, String url, Loader loader) {
        this(key, input, url, loader, null, false);
    }

    /** An item whose loading fetches the page at {@code url}, saying so in {@code note}. */
    static WorkItem fetching(String key, String input, String url, Loader loader, String note) {
        return new WorkItem(key, input, Objects.requireNonNull(url, "url"), loader, note, true);
    }

    /** Loads the article; throws {@link StageException} naming the stage ("read", "fetch") that failed. */
    @FunctionalInterface
    public interface Loader {
        Article load();
    }

    public WorkItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(loader, "loader");
    }

    static WorkItem of(String key, String input, String url, Article article) {
        return new WorkItem(key, input, url, () -> article);
    }

    static WorkItem failed(String key, String input, StageException failure) {
        return new WorkItem(key, input, null, () -> {
            throw failure;
        });
    }
}
