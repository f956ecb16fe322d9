package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Published;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "25th, June 2024 GMT | 2024-06-25",
                "June 25, 2024 | 2024-06-25",
                "Jun. 25th 2024 | 2024-06-25",
                "25 June 2024 | 2024-06-25",
                "Tuesday, 25 June 2024 | 2024-06-25",
                "1st September 2023 | 2023-09-01",
                "2024-06-25 | 2024-06-25",
                "2024/06/25 | 2024-06-25",
                "2024-06-25T10:30:00 | 2024-06-25",
                "25/06/2024 | 2024-06-25",
                "25.06.2024 | 2024-06-25",
                "06/25/2024 | 2024-06-25",
                "25 juin 2024 | 2024-06-25",
                "1er août 2024 | 2024-08-01",
                "mardi 25 juin 2024 à 10h30 | 2024-06-25",
                "25 décembre 2023 | 2023-12-25",
                "25 يونيو 2024 | 2024-06-25",
                "25 يونيه 2024 | 2024-06-25",
                "25 حزيران 2024 | 2024-06-25",
                "25 حزيران/يونيو 2024 | 2024-06-25",
                "٢٥ حزيران ٢٠٢٤ | 2024-06-25",
                "٢٥ يونيو ٢٠٢٤ | 2024-06-25",
                "10 اغسطس 2015 | 2015-08-10",
                "10 أغسطس 2015م | 2015-08-10",
                "3 كانون الثاني 2024 | 2024-01-03",
                "3 كانون الأول 2024 | 2024-12-03",
                "15 تشرين الأول 2023 | 2023-10-15",
                "1 آب 2024 | 2024-08-01",
                "12 جوان 2024 | 2024-06-12",
                "12 غشت 2024 | 2024-08-12",
                "الثلاثاء، 25 يونيو 2024 | 2024-06-25",
                "25 شوال 1436 هـ الموافق 10 اغسطس 2015 م | 2015-08-10",
                "25 شوال 1436ه الموافق 10 أغسطس 2015م | 2015-08-10",
                "25 شوال 1436 هـ | 2015-08-10",
                "8 ذو الحجة 1445 هـ | 2024-06-14",
                "1 رمضان 1445 | 2024-03-11",
            })
    void should_read_the_calendar_day(String raw, String expected) {
        Published p = DateParser.parse(raw);
        assertThat(p.raw()).isEqualTo(raw);
        assertThat(p.day()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 25 Jun 2024 10:30:00 GMT | 2024-06-25T10:30:00Z | GMT",
                "2024-06-25T10:30:00+03:00 | 2024-06-25T07:30:00Z | +03:00",
                "2024-06-25T10:30:00Z | 2024-06-25T10:30:00Z | UTC",
                "June 25, 2024 10:30 GMT | 2024-06-25T10:30:00Z | GMT",
                "25 June 2024 3:15 pm UTC+3 | 2024-06-25T12:15:00Z | UTC+3",
                "Tue, 25 Jun 2024 10:30:00 +0200 | 2024-06-25T08:30:00Z | +0200",
            })
    void should_keep_the_instant_and_zone_when_the_zone_is_printed(String raw, String instant, String zone) {
        Published p = DateParser.parse(raw);
        assertThat(p.instant()).isEqualTo(Instant.parse(instant));
        assertThat(p.zone()).isEqualTo(zone);
        assertThat(p.date()).isNull();
    }

    @Test
    void should_keep_only_the_date_when_a_time_has_no_zone() {
        Published p = DateParser.parse("25 June 2024 10:30");
        assertThat(p.date()).isEqualTo(LocalDate.of(2024, 6, 25));
        assertThat(p.instant()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "today",
                "اليوم",
                "أمس",
                "yesterday",
                "June 25",
                "25 يونيو",
                "3 hours ago",
                "31 June 2024",
                "25/06/24",
                "1436/10/25",
                "25 شوال",
                "not a date",
                "32/13/2024",
                "0000-00-00"
            })
    void should_never_invent_a_date(String raw) {
        Published p = DateParser.parse(raw);
        assertThat(p.raw()).isEqualTo(raw);
        assertThat(p.date()).isNull();
        assertThat(p.instant()).isNull();
    }

    @Test
    void should_prefer_the_gregorian_date_printed_beside_a_hijri_one() {
        // given: the Hijri day disagrees with the Gregorian one by a day, as happens in real copy
        Published p = DateParser.parse("26 شوال 1436 هـ الموافق 10 أغسطس 2015 م");
        // then
        assertThat(p.date()).isEqualTo(LocalDate.of(2015, 8, 10));
    }

    @Test
    void should_return_null_for_blank_input() {
        assertThat(DateParser.parse("  ")).isNull();
        assertThat(DateParser.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"June 25", "25 June", "Jun. 25", "25th June", "Tuesday, June 25", "25 juin", "٢٥ حزيران"})
    void should_know_a_day_and_month_printed_without_a_year(String raw) {
        // when / then
        assertThat(DateParser.isDayAndMonth(raw)).isTrue();
        assertThat(DateParser.parse(raw).date()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"who spoke to", "on June 25", "June 25 said", "June", "25", "June 32", "as reported"})
    void should_not_take_other_words_for_a_day_and_month(String raw) {
        // when / then
        assertThat(DateParser.isDayAndMonth(raw)).isFalse();
    }
}
