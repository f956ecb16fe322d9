package dev.dragoman.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void should_pad_each_column_to_its_widest_cell_but_not_the_last() {
        // when
        String table = TextTable.render(
                List.of(new String[] {"NAME", "TYPE", "KEY"}, new String[] {"gpt-work", "openai", "key: yes"}));
        // then
        assertThat(table).isEqualTo("NAME      TYPE    KEY\ngpt-work  openai  key: yes\n");
        assertThat(TextTable.render(List.of())).isEmpty();
    }
}
