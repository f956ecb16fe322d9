package dev.dragoman.core.testing.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireCorpusTest {

    @Test
    void should_repeat_for_a_seed_and_never_share_a_body_segment_between_stories() {
        // given / when
        List<WireCorpus.Item> first = WireCorpus.generate(200, 5);
        List<WireCorpus.Item> again = WireCorpus.generate(200, 5);

        // then
        assertThat(first)
                .extracting(WireCorpus.Item::wireText)
                .isEqualTo(again.stream().map(WireCorpus.Item::wireText).toList());
        Set<String> seen = new HashSet<>();
        for (WireCorpus.Item item : first) {
            for (String segment : item.uniqueSegments()) {
                assertThat(seen.add(segment)).as("segment shared: %s", segment).isTrue();
            }
            assertThat(item.wireText())
                    .startsWith(item.headline() + "\nتاريخ النشر: ")
                    .contains("\n" + item.place() + "-سانا\n")
                    .endsWith("\nالمصدر: الوكالة العربية السورية للأنباء\n");
            assertThat(item.paragraphs()).hasSizeBetween(3, 5);
        }
    }
}
