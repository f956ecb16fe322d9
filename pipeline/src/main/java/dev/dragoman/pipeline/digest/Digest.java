package dev.dragoman.pipeline.digest;

import dev.dragoman.core.Language;
import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.cluster.StoryDocument;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.batch.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's digest: the finished articles grouped by story (the same event from several agencies or feeds is one
 * story, found by {@link MinHashStoryClusterer} over each article's digest headline and summary — the translated
 * ones when a target language is set, so Arabic and English reports meet), stories ordered by size (most sources
 * first), then by their latest report (newest first); within a story, reports in time order. A story is shown
 * once, with one summary ({@link Story#summarySource()}) and its sources listed.
 */
public record Digest(RunReport report, List<Story> stories, Instant windowFrom, Instant windowTo) {

    /** One story and its reports. */
    public record Story(List<DoneRecord> reports) {
        public Story {
            reports = List.copyOf(reports);
        }

        public DoneRecord lead() {
            return reports.get(0);
        }

        /**
         * The story's one summary: the earliest report's that has one (sources repeat each other; a digest shows the
         * story once, with its sources listed), or null when no report has a summary.
         */
        public DoneRecord summarySource() {
            for (DoneRecord r : reports) {
                if (r.summary() != null && !r.summary().isBlank()) {
                    return r;
                }
            }
            return null;
        }

        public Instant latest() {
            Instant latest = null;
            for (DoneRecord r : reports) {
                Instant t = r.time();
                if (t != null && (latest == null || t.isAfter(latest))) {
                    latest = t;
                }
            }
            return latest;
        }
    }

    public static Digest of(RunReport report, MinHashStoryClusterer clusterer) {
        List<StoryDocument> docs = new ArrayList<>();
        Map<String, DoneRecord> byId = new HashMap<>();
        for (DoneRecord r : report.entries()) {
            if (byId.putIfAbsent(r.id(), r) == null) {
                docs.add(new StoryDocument(
                        r.id(),
                        r.displayLanguage(),
                        nullToEmpty(r.headline()) + ". " + nullToEmpty(r.summary()),
                        r.time()));
            }
        }
        List<Story> stories = new ArrayList<>();
        Comparator<DoneRecord> byTime = Comparator.comparing(
                        DoneRecord::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DoneRecord::id);
        for (List<StoryDocument> group : clusterer.cluster(docs)) {
            List<DoneRecord> reports = new ArrayList<>();
            for (StoryDocument d : group) {
                reports.add(byId.get(d.id()));
            }
            reports.sort(byTime);
            stories.add(new Story(reports));
        }
        stories.sort(Comparator.comparing((Story s) -> -s.reports().size())
                .thenComparing(Story::latest, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.lead().id()));
        Instant from = null;
        Instant to = null;
        for (DoneRecord r : byId.values()) {
            Instant t = r.time();
            if (t != null) {
                from = from == null || t.isBefore(from) ? t : from;
                to = to == null || t.isAfter(to) ? t : to;
            }
        }
        return new Digest(report, stories, from, to);
    }

    public int articles() {
        return stories.stream().mapToInt(s -> s.reports().size()).sum();
    }

    /** The language most reports are shown in (for the page's lang/dir), or null when they are mixed or unknown. */
    public Language mainLanguage() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Language> languages = new HashMap<>();
        for (Story s : stories) {
            for (DoneRecord r : s.reports()) {
                if (r.displayLanguage() != null) {
                    counts.merge(r.displayLanguage().primary(), 1, Integer::sum);
                    languages.putIfAbsent(r.displayLanguage().primary(), r.displayLanguage());
                }
            }
        }
        int total = articles();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == total && total > 0) {
                return languages.get(e.getKey());
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
