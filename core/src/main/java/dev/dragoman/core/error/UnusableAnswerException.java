package dev.dragoman.core.error;

import dev.dragoman.core.usage.Usage;
import java.util.Objects;

/**
 * The backend answered — and was paid — but the answer cannot be used (malformed, empty, the wrong shape, chatter
 * instead of the result). Not a transport fault, so never retried with a backoff ({@link Kind#UNUSABLE_ANSWER}): the
 * call stack ({@code core.call.CallStack}) asks again once at once, telling the backend the {@link #problem()} where
 * it can, and a second unusable answer ends the call. It carries what the unusable answers cost, so the usage meter
 * counts them: a bill shows every paid answer, used or not.
 */
public final class UnusableAnswerException extends DragomanException {

    private final String problem;
    private final transient Usage spent;

    /**
     * @param message what failed, for people (backend, model, an excerpt of the answer)
     * @param problem what was wrong with the answer, in words the model can act on when it is asked again ("the
     *     answer is not the JSON {"bullets": [...]} asked for")
     * @param spent what the unusable answers cost (requests and tokens or characters)
     */
    public UnusableAnswerException(String message, String problem, Usage spent) {
        super(Kind.UNUSABLE_ANSWER, message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.spent = Objects.requireNonNull(spent, "spent");
    }

    /** An unusable answer whose problem is told as the message. */
    public UnusableAnswerException(String message, Usage spent) {
        this(message, message, spent);
    }

    /** What was wrong with the answer, for the model when it is asked again. */
    public String problem() {
        return problem;
    }

    public Usage spent() {
        return spent;
    }

    /** The same failure after the one re-ask: the message says so, and the spent usage is that answer's. */
    public UnusableAnswerException askedTwice() {
        return new UnusableAnswerException(
                getMessage() + " (asked again once with the reason; the answer was still unusable: try another model)",
                problem,
                spent);
    }
}
