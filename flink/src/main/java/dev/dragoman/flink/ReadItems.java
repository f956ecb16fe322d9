package dev.dragoman.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dragoman.core.Article;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.pipeline.batch.HttpFetcher;
import dev.dragoman.pipeline.batch.ItemSource;
import dev.dragoman.pipeline.batch.WorkItem;
import dev.dragoman.pipeline.step.StageException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one input (a file or a URL) on a worker into its items through the pipeline's {@link ItemSource} — the same
 * readers, feed handling and limits as the local batch — and loads each one (a feed teaser fetches its page). An item
 * whose article an earlier run already finished under the same options is dropped here, before any backend call; one
 * that cannot be read becomes a failed item, so the batch goes on.
 */
final class ReadItems extends RichFlatMapFunction<String, Item> {

    private final String out;
    private final Set<String> doneIds;
    private transient ItemSource source;

    ReadItems(String out, Set<String> doneIds) {
        this.out = out;
        this.doneIds = Set.copyOf(doneIds);
    }

    @Override
    public void open(OpenContext context) {
        source = new ItemSource(HttpFetcher.standard(), ArticleReaders.standard(), Path.of(out));
    }

    @Override
    public void flatMap(String input, Collector<Item> items) {
        for (WorkItem item : source.itemsOf(input)) {
            Article article;
            try {
                article = item.loader().load();
            } catch (RuntimeException e) {
                StageException s = StageException.of("read", e);
                items.collect(
                        Item.failed(item.key(), item.input(), item.url(), s.stage(), s.getMessage(), s.retriable()));
                continue;
            }
            String id = Article.contentId(article.headline(), article.paragraphs());
            if (doneIds.contains(id)) {
                continue;
            }
            try {
                items.collect(Item.read(
                        item.key(), item.input(), item.url(), id, Json.mapper().writeValueAsString(article)));
            } catch (JsonProcessingException e) {
                items.collect(Item.failed(item.key(), item.input(), item.url(), "read", e.getOriginalMessage(), false));
            }
        }
    }
}
