package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyIndexTest {

    @Test
    void should_keep_every_key_through_growth_replace_on_put_and_keep_the_first_on_put_if_absent() {
        // given 100,000 keys (the table grows many times), each with its own value
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 100_000; i++) {
            index.put("in/" + i + ".txt|fp", i * 1000L);
        }

        // when one key is put again, another is put-if-absent, and a new one is put-if-absent
        index.put("in/5.txt|fp", 42);
        long kept = index.putIfAbsent("in/6.txt|fp", 43);
        long fresh = index.putIfAbsent("in/new.txt|fp", KeyIndex.MAX_VALUE);

        // then every key finds its value, unknown keys find none, and only new keys count
        for (int i = 0; i < 100_000; i++) {
            if (i != 5) {
                assertThat(index.get("in/" + i + ".txt|fp")).isEqualTo(i * 1000L);
            }
        }
        assertThat(index.get("in/5.txt|fp")).isEqualTo(42);
        assertThat(kept).isEqualTo(6000);
        assertThat(index.get("in/6.txt|fp")).isEqualTo(6000);
        assertThat(fresh).isEqualTo(-1);
        assertThat(index.get("in/new.txt|fp")).isEqualTo(KeyIndex.MAX_VALUE);
        assertThat(index.get("in/100000.txt|fp")).isEqualTo(-1);
        assertThat(index.get("in/1.txt|other")).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(100_001);
    }

    @Test
    void should_forget_everything_when_cleared_and_refuse_values_it_cannot_hold() {
        // given an index with a key
        KeyIndex index = new KeyIndex();
        index.put("a", 1);

        // when it is cleared
        index.clear();

        // then the key is gone, and out-of-range values are refused
        assertThat(index.get("a")).isEqualTo(-1);
        assertThat(index.size()).isZero();
        assertThatThrownBy(() -> index.put("b", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put("b", KeyIndex.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
