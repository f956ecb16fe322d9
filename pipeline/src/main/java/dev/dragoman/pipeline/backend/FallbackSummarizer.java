package dev.dragoman.pipeline.backend;

import dev.dragoman.core.Article;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summary side of a fallback chain ({@code fallback:} of a summarizing backend, e.g. an LLM → the extractive
 * summarizer): each article goes to the first summarizer; when its backend has used up its quota
 * ({@link DragomanException.Kind#QUOTA_EXCEEDED}: OpenAI's {@code insufficient_quota}, Anthropic's credit errors), to
 * the next one, and so on — the same rule as {@link FallbackTranslator}: nothing else moves an article on, and the
 * run's budget caps the chain as a whole.
 *
 * <p>Each link is a whole summarizer with its own cache, so a fallback's summaries are kept under its own keys and
 * never read back as the first backend's. A summary from a fallback is degraded and says so
 * ({@link Summary#fallback()}, also the first of its warnings, so every output shows it). A language model's link has
 * a {@link QuotaGate} around its chat model: once out of quota it is not called again in this run, while its cache
 * still answers the summaries it holds. Thread-safe.
 */
final class FallbackSummarizer implements Summarizer {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackSummarizer.class);

    /** One summarizer of the chain, with the gate its chat model is behind (unused for other summarizers). */
    record Link(BackendSpec spec, Summarizer summarizer, QuotaGate gate) {
        Link {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(summarizer, "summarizer");
            Objects.requireNonNull(gate, "gate");
        }
    }

    private final List<Link> links;
    private final List<BackendSpec> specs;

    FallbackSummarizer(List<Link> links) {
        if (links.size() < 2) {
            throw new IllegalArgumentException("a fallback chain has at least two backends");
        }
        this.links = List.copyOf(links);
        this.specs = this.links.stream().map(Link::spec).toList();
    }

    @Override
    public Summary summarize(Article article, SummaryOptions options) {
        for (int i = 0; ; i++) {
            Link link = links.get(i);
            try {
                Summary summary = link.summarizer().summarize(article, options);
                return i == 0 ? summary : summary.withFallback(FallbackChain.why(specs, i, "summarized"));
            } catch (RuntimeException e) {
                DragomanException quota = FallbackChain.handOver(e, specs, i, link.gate(), LOG, "summaries");
                if (i + 1 == links.size()) {
                    throw FallbackChain.allExhausted(specs, quota);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Fallback("
                + String.join(" → ", specs.stream().map(FallbackChain::describe).toList()) + ")";
    }
}
