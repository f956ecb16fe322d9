package dev.dragoman.pipeline.cost;

import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.write.DataTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run would cost, from {@link CostEstimator}: per backend the requests, characters and tokens the cache would
 * not answer, and their price live and deferred (the providers' batch APIs). Where a role has a fallback chain, each
 * fallback gets a line too — the same work priced on it, had the backends before it used up their quota — shown after
 * the total and not added to it. Immutable.
 *
 * @param articles articles read
 * @param unreadable inputs or articles that could not be read or planned (a live run would fail them too)
 * @param segments translation segments looked up
 * @param segmentsFromCache of those, the ones the cache answers (they cost nothing)
 * @param lines one per backend that would be called
 */
public record Estimate(int articles, int unreadable, long segments, long segmentsFromCache, List<Line> lines) {

    /**
     * One backend's share.
     *
     * @param role "translate" or "summarize"
     * @param backend the backend's name
     * @param type its type
     * @param model its model, or null
     * @param usage what the cache would not answer
     * @param tokenizer how tokens were counted: {@code o200k_base}, {@code estimate}, or null for characters
     * @param cost its price live and deferred
     * @param fallback true for a backend of the role's fallback chain: what the same work would cost there if the
     *     backends before it ran out of quota — an alternative, not part of the {@link #total()}
     */
    public record Line(
            String role,
            String backend,
            String type,
            String model,
            Usage usage,
            String tokenizer,
            Cost cost,
            boolean fallback) {
        public Line {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(cost, "cost");
        }

        /** A line of a backend the run calls first. */
        public Line(String role, String backend, String type, String model, Usage usage, String tokenizer, Cost cost) {
            this(role, backend, type, model, usage, tokenizer, cost, false);
        }
    }

    public Estimate {
        lines = List.copyOf(lines);
    }

    /** The whole run on the backends it calls first: unknown when one of them has no price. Fallbacks are not in it. */
    public Cost total() {
        Cost c = Cost.ZERO;
        for (Line l : lines) {
            if (!l.fallback()) {
                c = c.plus(l.cost());
            }
        }
        return c;
    }

    /**
     * What people should know beside the {@link #table()}: inputs that could not be planned, and a backend without a
     * price (its cost shows as -, and so does the total); empty when there is nothing to say.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (unreadable > 0) {
            notes.add(unreadable + " inputs or articles could not be read or planned; a run would fail them.");
        }
        if (total().live() == null) {
            notes.add("Warning: no price for some backend: its cost is shown as -; give one under 'prices:' in the"
                    + " configuration (LiteLLM's field names, dollars per token or character).");
        }
        return notes;
    }

    /** Everything the run would send to the backends it calls first. */
    public Usage usage() {
        return lines.stream().filter(l -> !l.fallback()).map(Line::usage).reduce(Usage.NONE, Usage::plus);
    }

    /** The estimate as a table (one row per backend and a total), for every output format. */
    public DataTable table() {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : lines) {
            if (!l.fallback()) {
                rows.add(row(l.role(), l.backend(), l.model(), l.usage(), l.tokenizer(), l.cost()));
            }
        }
        rows.add(row("total", null, null, usage(), null, total()));
        for (Line l : lines) {
            if (l.fallback()) {
                // after the total, which they are not part of: the same work on a fallback, should the quota run out
                rows.add(row(l.role() + " if fallback", l.backend(), l.model(), l.usage(), l.tokenizer(), l.cost()));
            }
        }
        return new DataTable(
                "Estimate: " + articles + " articles, " + (segments - segmentsFromCache) + " of " + segments
                        + " segments to translate",
                List.of(
                        "role",
                        "backend",
                        "model",
                        "requests",
                        "characters",
                        "inputTokens",
                        "outputTokens",
                        "tokenizer",
                        "liveUsd",
                        "deferredUsd"),
                rows);
    }

    private static List<Object> row(String role, String backend, String model, Usage u, String tokenizer, Cost c) {
        List<Object> r = new ArrayList<>();
        r.add(role);
        r.add(backend);
        r.add(model);
        r.add(u.requests());
        r.add(u.characters());
        r.add(u.inputTokens());
        r.add(u.outputTokens());
        r.add(tokenizer);
        r.add(money(c.live()));
        r.add(money(c.deferred()));
        return r;
    }

    /** Dollars rounded to a millionth (small runs cost fractions of a cent); null stays null (no price). */
    private static Double money(Double usd) {
        return usd == null ? null : Math.round(usd * 1_000_000) / 1_000_000.0;
    }
}
