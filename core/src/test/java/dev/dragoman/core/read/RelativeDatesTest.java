package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.summary.TimeAnchor;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RelativeDatesTest {

    /** A Tuesday. */
    private static final LocalDate DAY = LocalDate.of(2024, 6, 25);

    @Test
    void should_anchor_arabic_day_words_and_weekdays_keeping_their_spelling() {
        // given
        String text = "التقى الوزير اليوم نظيره الروسي، بعد أن وصل أمس الاثنين إلى مينسك، ويغادر غداً. "
                + "وكان قد زار القاهرة الأحد الماضي ويعود إلى دمشق يوم الخميس المقبل، وأعلن أول أمس عن الزيارة.";
        // when
        var anchors = RelativeDates.anchors(text, DAY);
        // then
        assertThat(anchors)
                .containsExactly(
                        new TimeAnchor("اليوم", DAY),
                        new TimeAnchor("أمس", DAY.minusDays(1)),
                        new TimeAnchor("الاثنين", DAY.minusDays(1)),
                        new TimeAnchor("غداً", DAY.plusDays(1)),
                        new TimeAnchor("الأحد الماضي", LocalDate.of(2024, 6, 23)),
                        new TimeAnchor("يوم الخميس المقبل", LocalDate.of(2024, 6, 27)),
                        new TimeAnchor("أول أمس", DAY.minusDays(2)));
    }

    @Test
    void should_not_read_a_named_day_or_lunch_as_today_or_tomorrow() {
        // when
        var anchors =
                RelativeDates.anchors("احتفلت المملكة باليوم الوطني وأقيم غداء رسمي في اليوم العالمي للبيئة.", DAY);
        // then
        assertThat(anchors).isEmpty();
    }

    @Test
    void should_anchor_english_day_words_and_weekdays() {
        // when
        var anchors = RelativeDates.anchors(
                "The minister said today that talks held yesterday would resume on Monday, after a pause since last"
                        + " Friday; a vote is due next Tuesday and a report tomorrow.",
                DAY);
        // then
        assertThat(anchors)
                .containsExactly(
                        new TimeAnchor("today", DAY),
                        new TimeAnchor("yesterday", DAY.minusDays(1)),
                        new TimeAnchor("on Monday", DAY.minusDays(1)),
                        new TimeAnchor("last Friday", LocalDate.of(2024, 6, 21)),
                        new TimeAnchor("next Tuesday", LocalDate.of(2024, 7, 2)),
                        new TimeAnchor("tomorrow", DAY.plusDays(1)));
    }

    @Test
    void should_anchor_french_day_words_and_weekdays() {
        // when
        var anchors = RelativeDates.anchors(
                "Le ministre a déclaré aujourd'hui que les discussions d'hier reprendront jeudi, après celles de"
                        + " vendredi dernier et d'avant-hier ; un vote aura lieu demain.",
                DAY);
        // then
        assertThat(anchors)
                .containsExactly(
                        new TimeAnchor("aujourd'hui", DAY),
                        new TimeAnchor("hier", DAY.minusDays(1)),
                        new TimeAnchor("jeudi", LocalDate.of(2024, 6, 27)),
                        new TimeAnchor("vendredi dernier", LocalDate.of(2024, 6, 21)),
                        new TimeAnchor("avant-hier", DAY.minusDays(2)),
                        new TimeAnchor("demain", DAY.plusDays(1)));
    }

    @Test
    void should_resolve_nothing_without_the_article_date() {
        assertThat(RelativeDates.anchors("التقى الوزير اليوم نظيره. The talks were held yesterday.", null))
                .isEmpty();
    }
}
