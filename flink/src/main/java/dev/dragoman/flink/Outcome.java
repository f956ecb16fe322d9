package dev.dragoman.flink;

/**
 * What the step made of one item, as the file sinks write it: {@code line} is one line of JSON Lines — the article's
 * document (as {@code articles/<id>.json} holds it) when done, the failure (as {@code failures.jsonl} holds it) when
 * not. {@code spent} is what the task's backends were paid for since its previous outcome, as one JSON {@code Usage}
 * (null when nothing): every paid call of a task lands in one outcome's, so the run's usage is the sum over its
 * committed outcomes — failed items' paid answers included — exactly once.
 */
public record Outcome(boolean failed, String line, String spent) {

    static Outcome done(String line) {
        return new Outcome(false, line, null);
    }

    static Outcome failure(String line) {
        return new Outcome(true, line, null);
    }

    /** This outcome carrying {@code usage} (a JSON {@code Usage}, or null for nothing). */
    Outcome withSpent(String usage) {
        return new Outcome(failed, line, usage);
    }
}
