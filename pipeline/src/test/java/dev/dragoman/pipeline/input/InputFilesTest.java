package dev.dragoman.pipeline.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void should_walk_regular_non_hidden_files_in_order_and_match_globs_under_their_base() throws Exception {
        // given
        Files.createDirectories(tmp.resolve("wire/2024/.drafts"));
        Files.writeString(tmp.resolve("wire/b.txt"), "b");
        Files.writeString(tmp.resolve("wire/a.txt"), "a");
        Files.writeString(tmp.resolve("wire/2024/c.json"), "c");
        Files.writeString(tmp.resolve("wire/2024/.drafts/d.txt"), "d");
        Files.writeString(tmp.resolve("wire/.hidden.txt"), "h");
        // when / then
        assertThat(InputFiles.walk(tmp.resolve("wire"), p -> true))
                .containsExactly(tmp.resolve("wire/2024/c.json"), tmp.resolve("wire/a.txt"), tmp.resolve("wire/b.txt"));
        assertThat(InputFiles.glob(tmp + "/wire/*.txt", p -> true))
                .containsExactly(tmp.resolve("wire/a.txt"), tmp.resolve("wire/b.txt"));
        assertThat(InputFiles.glob(tmp + "/wire/**.json", p -> true)).containsExactly(tmp.resolve("wire/2024/c.json"));
        assertThat(InputFiles.glob(tmp + "/missing/*.txt", p -> true)).isEmpty();
    }

    @Test
    void should_tell_urls_and_globs_from_paths() {
        assertThat(InputFiles.isUrl("HTTPS://sana.sy/feed")).isTrue();
        assertThat(InputFiles.isUrl("wire/a.txt")).isFalse();
        assertThat(InputFiles.isGlob("wire/{a,b}.txt")).isTrue();
        assertThat(InputFiles.isGlob("wire/a.txt")).isFalse();
    }
}
