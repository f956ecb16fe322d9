package dev.dragoman.flink;

/**
 * What the step made of one item, as the file sinks write it: {@code line} is one line of JSON Lines — the article's
 * document (as {@code articles/<id>.json} holds it) when done, the failure (as {@code failures.jsonl} holds it) when
 * not.
 */
public record Outcome(boolean failed, String line) {

    static Outcome done(String line) {
        return new Outcome(false, line);
    }

    static Outcome failure(String line) {
        return new Outcome(true, line);
    }
}
