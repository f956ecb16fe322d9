package dev.dragoman.pipeline.io;

import java.nio.file.Path;

/** One input the user named: a file (from a path, a directory walk or a glob) or standard input ({@code path} null). */
public record InputSource(String name, Path path) {

    public static final InputSource STDIN = new InputSource("stdin", null);

    public static InputSource file(Path path) {
        return new InputSource(path.toString(), path);
    }

    public boolean isStdin() {
        return path == null;
    }

    /** The file name without directories and the last extension ("story" for "in/story.ar.txt" is "story.ar"). */
    public String stem() {
        if (path == null) {
            return "stdin";
        }
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
