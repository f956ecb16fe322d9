package dev.dragoman.pipeline.digest;

import dev.dragoman.core.Language;
import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.cluster.StoryDocument;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.batch.RunReport;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * A run's digest: the finished articles grouped by story (the same event from several agencies or feeds is one
 * story, found by {@link MinHashStoryClusterer} over each article's digest headline and summary — the translated
 * ones when a target language is set, so Arabic and English reports meet), stories ordered by size (most sources
 * first), then by their latest report (newest first); within a story, reports in time order. A story is shown
 * once, with one summary ({@link Story#summarySource()}) and its sources listed.
 *
 * <p>Memory: the digest holds no records. It reads the report's entries once (a local run's entries are read back
 * from its journal) and keeps per article its place in them, its time and its story (about 24 bytes); {@link
 * #stories()} reads a story's records when it is asked for, so {@link DigestWriter} renders a digest of any size
 * one story at a time. The entries are taken in the order of their ids (as every engine hands them), so the digest
 * does not depend on the order items finished in.
 */
public final class Digest {

    /**
     * One story and its reports. A story of a digest with more than {@link #IN_MEMORY_REPORTS} reports reads them
     * from the run's entries as they are used (a feed repeating one item 100,000 times is one story).
     */
    public record Story(List<DoneRecord> reports) {
        public Story {
            reports = reports instanceof Reports ? reports : List.copyOf(reports);
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

    private final RunReport report;
    private final List<DoneRecord> entries;
    /** Per article (distinct ids, in id order): its index in {@code entries}. */
    private final int[] entryOf;
    /** Articles by story (story order), each story's in time order; story s is {@code members[start[s]..start[s+1])}. */
    private final int[] members;

    private final int[] start;
    private final Instant windowFrom;
    private final Instant windowTo;
    private final Language mainLanguage;

    private Digest(
            RunReport report,
            List<DoneRecord> entries,
            int[] entryOf,
            int[] members,
            int[] start,
            Instant windowFrom,
            Instant windowTo,
            boolean oneLanguage) {
        this.report = report;
        this.entries = entries;
        this.entryOf = entryOf;
        this.members = members;
        this.start = start;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.mainLanguage =
                oneLanguage && start.length > 1 ? stories().get(0).lead().displayLanguage() : null;
    }

    public static Digest of(RunReport report, MinHashStoryClusterer clusterer) {
        List<DoneRecord> entries = report.entries();
        Articles articles = Articles.read(entries, clusterer);
        if (articles == null) { // not in id order: an engine that did not sort them (a list in memory)
            List<DoneRecord> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparing(DoneRecord::id));
            entries = sorted;
            articles = Articles.read(entries, clusterer);
        }
        int n = articles.count;
        // articles by story, then time (untimed last), then id (their index: they are in id order)
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Articles a = articles;
        Arrays.sort(order, (x, y) -> {
            int c = Integer.compare(a.group[x], a.group[y]);
            return c != 0 ? c : a.compareTime(x, y) != 0 ? a.compareTime(x, y) : Integer.compare(x, y);
        });
        int groups = 0;
        for (int k = 0; k < n; k++) {
            groups = Math.max(groups, a.group[k] + 1);
        }
        int[] groupStart = new int[groups + 1];
        for (int k = 0; k < n; k++) {
            groupStart[a.group[k] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        // each group's latest report (-1: none dated)
        int[] latest = new int[groups];
        for (int g = 0; g < groups; g++) {
            latest[g] = -1;
            for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                int k = order[m];
                if (a.timed.get(k) && (latest[g] < 0 || a.compareTime(k, latest[g]) > 0)) {
                    latest[g] = k;
                }
            }
        }
        // stories: most reports first, then the newest latest report (undated last), then the lead's id
        Integer[] stories = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            stories[g] = g;
        }
        Arrays.sort(stories, (x, y) -> {
            int c = Integer.compare(groupStart[y + 1] - groupStart[y], groupStart[x + 1] - groupStart[x]);
            if (c != 0) {
                return c;
            }
            if (latest[x] >= 0 && latest[y] >= 0) {
                c = a.compareTime(latest[y], latest[x]);
            } else {
                c = Boolean.compare(latest[x] < 0, latest[y] < 0);
            }
            return c != 0 ? c : Integer.compare(order[groupStart[x]], order[groupStart[y]]);
        });
        int[] members = new int[n];
        int[] start = new int[groups + 1];
        int m = 0;
        for (int s = 0; s < groups; s++) {
            int g = stories[s];
            start[s] = m;
            for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
                members[m++] = order[i];
            }
        }
        start[groups] = m;
        Instant from = null;
        Instant to = null;
        for (int k = 0; k < n; k++) {
            if (a.timed.get(k)) {
                Instant t = a.time(k);
                from = from == null || t.isBefore(from) ? t : from;
                to = to == null || t.isAfter(to) ? t : to;
            }
        }
        return new Digest(report, entries, a.entryOf, members, start, from, to, a.oneLanguage);
    }

    /** What the digest keeps of each distinct article while it groups them. */
    private static final class Articles {
        int count;
        int[] entryOf = new int[64];
        long[] seconds = new long[64];
        int[] nanos = new int[64];
        final BitSet timed = new BitSet();
        int[] group;
        /** Every article shown in one language (same primary subtag), none unknown. */
        boolean oneLanguage = true;

        /** Reads the entries once, in order; null when they are not in id order. */
        static Articles read(List<DoneRecord> entries, MinHashStoryClusterer clusterer) {
            Articles a = new Articles();
            String language = null;
            try (MinHashStoryClusterer.Grouping grouping = clusterer.grouping()) {
                String previous = null;
                for (int j = 0; j < entries.size(); j++) {
                    DoneRecord r = entries.get(j);
                    if (previous != null && r.id().compareTo(previous) < 0) {
                        return null;
                    }
                    if (r.id().equals(previous)) {
                        continue; // the same article twice (reached through two inputs): the first counts
                    }
                    previous = r.id();
                    a.add(j, r.time());
                    if (r.displayLanguage() == null) {
                        a.oneLanguage = false;
                    } else if (language == null) {
                        language = r.displayLanguage().primary();
                    } else if (!language.equals(r.displayLanguage().primary())) {
                        a.oneLanguage = false;
                    }
                    grouping.add(new StoryDocument(
                            r.id(),
                            r.displayLanguage(),
                            nullToEmpty(r.headline()) + ". " + nullToEmpty(r.summary()),
                            r.time()));
                }
                a.group = grouping.groups();
            }
            return a;
        }

        private void add(int entry, Instant time) {
            if (count == entryOf.length) {
                entryOf = Arrays.copyOf(entryOf, count * 2);
                seconds = Arrays.copyOf(seconds, count * 2);
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            entryOf[count] = entry;
            if (time != null) {
                timed.set(count);
                seconds[count] = time.getEpochSecond();
                nanos[count] = time.getNano();
            }
            count++;
        }

        Instant time(int k) {
            return Instant.ofEpochSecond(seconds[k], nanos[k]);
        }

        /** Time order, undated last. */
        int compareTime(int x, int y) {
            boolean tx = timed.get(x);
            boolean ty = timed.get(y);
            if (!tx || !ty) {
                return Boolean.compare(!tx, !ty);
            }
            int c = Long.compare(seconds[x], seconds[y]);
            return c != 0 ? c : Integer.compare(nanos[x], nanos[y]);
        }
    }

    public RunReport report() {
        return report;
    }

    /** The stories in digest order; each one's records are read when it is asked for. */
    public List<Story> stories() {
        return new Stories();
    }

    public Instant windowFrom() {
        return windowFrom;
    }

    public Instant windowTo() {
        return windowTo;
    }

    public int articles() {
        return members.length;
    }

    /** The language most reports are shown in (for the page's lang/dir), or null when they are mixed or unknown. */
    public Language mainLanguage() {
        return mainLanguage;
    }

    /** Reports a story holds in memory; a larger story reads them when they are used. */
    static final int IN_MEMORY_REPORTS = 256;

    private final class Stories extends AbstractList<Story> implements RandomAccess {
        @Override
        public Story get(int s) {
            java.util.Objects.checkIndex(s, size());
            Reports reports = new Reports(start[s], start[s + 1]);
            return new Story(reports.size() > IN_MEMORY_REPORTS ? reports : new ArrayList<>(reports));
        }

        @Override
        public int size() {
            return start.length - 1;
        }
    }

    /** A story's reports, read from the entries on {@link #get}. */
    private final class Reports extends AbstractList<DoneRecord> implements RandomAccess {
        private final int from;
        private final int to;

        Reports(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public DoneRecord get(int i) {
            return entries.get(entryOf[members[from + java.util.Objects.checkIndex(i, size())]]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
