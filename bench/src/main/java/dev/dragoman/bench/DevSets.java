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
     * The public dev data, {@code shared/data} beside the root or one of its parents ({@code <root>/../shared/data}
     * in the usual layout, further up from a worktree); null when absent.
     */
    static Path dataDir(Path root) {
        for (Path p = root.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data"))) {
                return p.resolve("shared/data");
            }
        }
        return null;
    }

    /**
     * The dev set files that exist, in order BBC, ANT: in {@code shared/data/eval} beside the root or one of its
     * parents ({@code <root>/../shared} in the usual layout, further up from a worktree); empty when absent.
     */
    static List<Path> find(Path root) {
        Path data = dataDir(root);
        Path dir = data == null || !Files.isDirectory(data.resolve("eval")) ? null : data.resolve("eval");
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
