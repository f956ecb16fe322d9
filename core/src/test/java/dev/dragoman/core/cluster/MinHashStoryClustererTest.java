package dev.dragoman.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MinHashStoryClustererTest {

    private static final Language EN = Language.ENGLISH;
    private static final Language AR = Language.ARABIC;
    private static final Instant T = Instant.parse("2024-06-25T08:00:00Z");

    // The same event from three agencies; SANA's copy is Arabic, compared through its English translation.
    static final StoryDocument REUTERS_WATER = new StoryDocument(
            "reuters-water",
            EN,
            "Syria and Iraq agree to share Euphrates water data. Syria and Iraq agreed on Tuesday to share daily data "
                    + "on the flow of the Euphrates river, the two countries' foreign ministers said after talks in "
                    + "Damascus, as a severe drought cuts water levels across the region.",
            T);
    static final StoryDocument AFP_WATER = new StoryDocument(
            "afp-water",
            EN,
            "Syria, Iraq to share Euphrates flow data amid drought. Syria and Iraq will share daily measurements of "
                    + "the Euphrates river's flow, their foreign ministers said in Damascus on Tuesday, as drought and "
                    + "upstream dams in Turkey shrink the waters both countries depend on.",
            T.plusSeconds(3600));
    static final StoryDocument SANA_WATER_TRANSLATED = new StoryDocument(
            "sana-water",
            EN,
            "Syria and Iraq agree to exchange data on the flow of the Euphrates River's waters. Syria and Iraq "
                    + "agreed today to exchange daily data on the flow of the Euphrates River, during talks held by "
                    + "Foreign Minister Faisal Mekdad with his Iraqi counterpart Fuad Hussein in Damascus, amid a "
                    + "severe drought hitting the region.",
            T.plusSeconds(7200));
    static final StoryDocument AFP_QUAKE = new StoryDocument(
            "afp-quake",
            EN,
            "Magnitude 5.1 quake jolts eastern Turkey, no casualties reported. A magnitude 5.1 earthquake struck "
                    + "eastern Turkey early on Wednesday, the country's disaster agency AFAD said, shaking buildings in "
                    + "the province of Malatya but causing no reported casualties.",
            T.plus(Duration.ofHours(20)));
    static final StoryDocument REUTERS_QUAKE = new StoryDocument(
            "reuters-quake",
            EN,
            "Earthquake of magnitude 5.1 hits Turkey's Malatya province. An earthquake of magnitude 5.1 hit Malatya "
                    + "province in eastern Turkey on Wednesday, AFAD said, with no immediate reports of casualties or "
                    + "damage.",
            T.plus(Duration.ofHours(21)));
    static final StoryDocument IRAQ_TURKEY_WATER = new StoryDocument(
            "iraq-turkey-water",
            EN,
            "Iraq presses Turkey over Tigris water releases. Iraq's water resources minister urged Turkey in Ankara on "
                    + "Monday to release more water into the Tigris, saying southern marshes were drying up as summer "
                    + "temperatures soared.",
            T.minus(Duration.ofHours(30)));
    static final StoryDocument ASSAD_DUMA = new StoryDocument(
            "sana-duma",
            EN,
            "President al-Assad receives a Russian parliamentary delegation. President Bashar al-Assad received "
                    + "today a Russian parliamentary delegation headed by the deputy speaker of the State Duma, and "
                    + "discussed bilateral relations.",
            T.plusSeconds(9000));

    private final MinHashStoryClusterer clusterer = new MinHashStoryClusterer();

    private static Set<Set<String>> ids(List<List<StoryDocument>> groups) {
        return groups.stream()
                .map(g -> g.stream().map(StoryDocument::id).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
    }

    @Test
    void should_group_the_same_event_from_different_agencies_and_keep_other_events_apart() {
        // given
        List<StoryDocument> docs = List.of(
                REUTERS_WATER,
                AFP_QUAKE,
                ASSAD_DUMA,
                AFP_WATER,
                IRAQ_TURKEY_WATER,
                SANA_WATER_TRANSLATED,
                REUTERS_QUAKE);
        // when
        List<List<StoryDocument>> groups = clusterer.cluster(docs);
        // then
        assertThat(ids(groups))
                .containsExactlyInAnyOrder(
                        Set.of("reuters-water", "afp-water", "sana-water"),
                        Set.of("afp-quake", "reuters-quake"),
                        Set.of("sana-duma"),
                        Set.of("iraq-turkey-water"));
        assertThat(groups.get(0).get(0).id()).isEqualTo("reuters-water");
    }

    @Test
    void should_group_arabic_reports_of_one_event_compared_in_arabic() {
        // when
        List<List<StoryDocument>> groups = clusterer.cluster(List.of(SANA_AR, QUAKE_AR, AFP_AR));
        // then
        assertThat(ids(groups)).containsExactlyInAnyOrder(Set.of("sana", "afp-ar"), Set.of("quake-ar"));
    }

    static final StoryDocument SANA_AR = new StoryDocument(
            "sana",
            AR,
            "سورية والعراق تتفقان على تبادل بيانات تدفق مياه نهر الفرات. اتفقت سورية والعراق اليوم على تبادل "
                    + "البيانات اليومية حول تدفق مياه نهر الفرات خلال مباحثات وزيري الخارجية في دمشق",
            T);
    static final StoryDocument AFP_AR = new StoryDocument(
            "afp-ar",
            AR,
            "سوريا والعراق يتبادلان بيانات تدفق الفرات وسط الجفاف. أعلن وزيرا خارجية سوريا والعراق في دمشق "
                    + "الثلاثاء أن البلدين سيتبادلان يومياً قياسات تدفق مياه نهر الفرات",
            T);
    static final StoryDocument QUAKE_AR = new StoryDocument(
            "quake-ar",
            AR,
            "زلزال بقوة 5.1 درجة يضرب شرق تركيا دون إصابات. ضرب زلزال بقوة 5.1 درجات شرق تركيا صباح اليوم "
                    + "الأربعاء وفق إدارة الكوارث والطوارئ التركية",
            T);

    @Test
    void should_not_link_reports_outside_the_time_window() {
        // given
        StoryDocument weekLater = new StoryDocument("later", EN, AFP_WATER.text(), T.plus(Duration.ofDays(8)));
        // when
        List<List<StoryDocument>> groups = clusterer.cluster(List.of(REUTERS_WATER, weekLater));
        // then
        assertThat(groups).hasSize(2);
    }

    @Test
    void should_give_identical_text_similarity_one_and_keep_empty_text_alone() {
        assertThat(clusterer.similarity(AFP_WATER, AFP_WATER)).isEqualTo(1.0);
        StoryDocument empty = new StoryDocument("empty", EN, "", T);
        assertThat(clusterer.cluster(List.of(empty, new StoryDocument("empty2", EN, "  ", T))))
                .hasSize(2);
    }

    @Test
    void should_score_every_same_event_pair_above_every_different_event_pair() {
        // given
        List<List<StoryDocument>> events = List.of(
                List.of(REUTERS_WATER, AFP_WATER, SANA_WATER_TRANSLATED),
                List.of(AFP_QUAKE, REUTERS_QUAKE),
                List.of(IRAQ_TURKEY_WATER),
                List.of(ASSAD_DUMA),
                List.of(SANA_AR, AFP_AR),
                List.of(QUAKE_AR));
        double minSame = 1;
        double maxDifferent = 0;
        // when
        for (int e = 0; e < events.size(); e++) {
            for (int f = 0; f < events.size(); f++) {
                for (StoryDocument a : events.get(e)) {
                    for (StoryDocument b : events.get(f)) {
                        if (a == b) {
                            continue;
                        }
                        double s = clusterer.similarity(a, b);
                        if (e == f) {
                            minSame = Math.min(minSame, s);
                        } else {
                            maxDifferent = Math.max(maxDifferent, s);
                        }
                    }
                }
            }
        }
        // then
        assertThat(minSame).isGreaterThanOrEqualTo(MinHashStoryClusterer.DEFAULT_THRESHOLD);
        assertThat(maxDifferent).isLessThan(MinHashStoryClusterer.DEFAULT_THRESHOLD);
    }

    @Test
    void should_group_a_crowded_bucket_and_keep_every_document_once() {
        // 500 copies of one report (a feed repeating an item) fall into the same LSH buckets, far more than one
        // bucket compares all pairs of; unrelated stories mixed in stay apart and nothing is lost or doubled
        List<StoryDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            docs.add(new StoryDocument("copy-" + i, EN, REUTERS_WATER.text(), T));
            if (i % 100 == 0) {
                docs.add(new StoryDocument("quake-" + i, EN, AFP_QUAKE.text(), T));
            }
        }
        List<List<StoryDocument>> groups = new MinHashStoryClusterer().cluster(docs);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).hasSize(500).allMatch(d -> d.id().startsWith("copy-"));
        assertThat(groups.get(1)).hasSize(5).allMatch(d -> d.id().startsWith("quake-"));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(docs.size());
    }

    @Test
    void should_group_past_the_spill_bound_as_in_memory_pairs_together_and_nothing_else() {
        // given more documents than a grouping keeps in memory: pairs of reports of one event (six shared made-up
        // words, one word of their own each), the pairs sharing nothing, and empty texts (a story of their own each)
        java.util.Random random = new java.util.Random(17);
        List<StoryDocument> docs = new java.util.ArrayList<>();
        int pairs = MinHashStoryClusterer.SPILL_AFTER / 2 + 100;
        for (int p = 0; p < pairs; p++) {
            StringBuilder shared = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                shared.append(word(random)).append(' ');
            }
            docs.add(new StoryDocument("p" + p + "a", EN, shared + word(random), T));
            docs.add(new StoryDocument("p" + p + "b", EN, shared + word(random), T.plusSeconds(60)));
            if (p % 1000 == 0) {
                docs.add(new StoryDocument("empty-" + p, EN, "", T));
            }
        }

        // when they are grouped (the signatures spill to a file past the bound)
        List<List<StoryDocument>> groups = clusterer.cluster(docs);

        // then each pair is one story, each empty text one, in the order of their first member
        assertThat(docs.size()).isGreaterThan(MinHashStoryClusterer.SPILL_AFTER);
        assertThat(groups).hasSize(pairs + 3);
        for (List<StoryDocument> g : groups) {
            if (g.get(0).id().startsWith("empty-")) {
                assertThat(g).hasSize(1);
            } else {
                assertThat(g)
                        .extracting(StoryDocument::id)
                        .containsExactly(g.get(0).id(), g.get(0).id().replace('a', 'b'));
            }
        }
        assertThat(groups.get(pairs + 2).get(0).id()).isEqualTo("p" + (pairs - 1) + "a");
    }

    /** A made-up ten-letter word. */
    private static String word(java.util.Random random) {
        char[] w = new char[10];
        for (int i = 0; i < w.length; i++) {
            w[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(w);
    }
}
