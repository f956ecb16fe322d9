package dev.dragoman.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The summarization dev sets in {@code <root>/../shared/data/eval/} (not in the repository). */
final class DevSets {

    static final String BBC = "bbc-news-summary-en.dev.jsonl";
    static final String ANT = "ant-arabic-standfirst.dev.jsonl";

    private DevSets() {}

    /**
     * The dev set files that exist, in order BBC, ANT: in {@code shared/data/eval} beside the root or one of its
     * parents ({@code <root>/../shared} in the usual layout, further up from a worktree); empty when absent.
     */
    static List<Path> find(Path root) {
        Path dir = null;
        for (Path p = root.getParent(); p != null && dir == null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data/eval"))) {
                dir = p.resolve("shared/data/eval");
            }
        }
        List<Path> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        for (String name : List.of(BBC, ANT)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
