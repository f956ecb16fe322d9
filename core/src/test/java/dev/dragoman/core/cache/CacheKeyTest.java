package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Key stability: the digests below were computed outside Java (a few lines of Python's hashlib over the documented
 * encoding), so a change to the encoding, the field order or a default breaks this test rather than every
 * user's cache.
 */
class CacheKeyTest {

    private static CacheKey.Builder base() {
        return CacheKey.builder("translate")
                .backend("deepl")
                .model("default")
                .templateVersion("t1")
                .glossaryVersion("g1")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .option("formality", "default")
                .input("قال الرئيس السوري بشار الأسد");
    }

    @Test
    void should_produce_the_documented_digest_for_fixed_vectors() {
        assertThat(CacheKey.builder("translate").build().digest())
                .isEqualTo("dc2d39a802ac19afc17caa3dfd2a6dd1dff09379333e74eb7b267418810e852c");
        assertThat(base().build().digest())
                .isEqualTo("5764d56b9bd3dd460cc7f99eca3d4c996a7b190cf965e4f5983b49c29a2db07f");
        assertThat(CacheKey.builder("summarize")
                        .backend("openai")
                        .model("gpt-4o-mini")
                        .templateVersion("summary-v3")
                        .source(Language.ARABIC)
                        .target(Language.ENGLISH)
                        .option("sentences", 3)
                        .option("length", "SHORT")
                        .input("دمشق-سانا\nبحث الرئيس")
                        .build()
                        .digest())
                .isEqualTo("4f4ab70229c7aa0915aa77b7b4a3194e3a992d619291aec4ec4c8324ac0e3147");
        assertThat(CacheKey.builder("translate")
                        .backend("apertium")
                        .source(null)
                        .target(new Language("es"))
                        .input("Hello world")
                        .build()
                        .digest())
                .isEqualTo("b0a089a6e8d76ac8c8c7b1722054fabbeeefe9c5cb7bdf6ca27b860101ac5d7d");
    }

    @Test
    void should_change_the_digest_when_any_single_part_changes() {
        // given
        List<UnaryOperator<CacheKey.Builder>> changes = List.of(
                b -> b.backend("google"),
                b -> b.model("next-gen"),
                b -> b.templateVersion("t2"),
                b -> b.glossaryVersion("g2"),
                b -> b.source(Language.FRENCH),
                b -> b.source(null),
                b -> b.target(Language.FRENCH),
                b -> b.option("tone", "formal"),
                b -> b.input("قال الرئيس السوري بشار الأسد."));
        Set<String> digests = new HashSet<>();
        digests.add(base().build().digest());
        // when
        for (UnaryOperator<CacheKey.Builder> change : changes) {
            digests.add(change.apply(base()).build().digest());
        }
        digests.add(CacheKey.builder("summarize")
                .backend("deepl")
                .model("default")
                .templateVersion("t1")
                .glossaryVersion("g1")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .option("formality", "default")
                .input("قال الرئيس السوري بشار الأسد")
                .build()
                .digest());
        digests.add(CacheKey.builder("translate")
                .backend("deepl")
                .model("default")
                .templateVersion("t1")
                .glossaryVersion("g1")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .option("formality", "informal")
                .input("قال الرئيس السوري بشار الأسد")
                .build()
                .digest());
        // then
        assertThat(digests).hasSize(changes.size() + 3);
    }

    @Test
    void should_not_collide_when_text_moves_between_adjacent_parts() {
        // given the same characters split differently between model and template
        CacheKey a =
                CacheKey.builder("translate").model("ab").templateVersion("c").build();
        CacheKey b =
                CacheKey.builder("translate").model("a").templateVersion("bc").build();
        CacheKey c = CacheKey.builder("translate").option("a", "b=c").build();
        CacheKey d = CacheKey.builder("translate").option("a=b", "c").build();
        // then
        assertThat(a.digest()).isNotEqualTo(b.digest());
        assertThat(c.digest()).isNotEqualTo(d.digest());
    }

    @Test
    void should_not_depend_on_the_order_options_are_given_in() {
        CacheKey ab =
                CacheKey.builder("summarize").option("a", 1).option("b", 2).build();
        CacheKey ba =
                CacheKey.builder("summarize").option("b", 2).option("a", 1).build();
        assertThat(ab).isEqualTo(ba);
    }

    @Test
    void should_refuse_an_option_set_twice() {
        assertThatThrownBy(() -> CacheKey.builder("translate").option("a", 1).option("a", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }
}
