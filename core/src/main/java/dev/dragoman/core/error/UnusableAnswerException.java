package dev.dragoman.core.error;

import dev.dragoman.core.usage.Usage;
import java.util.Objects;

/**
 * The backend answered — and was paid — but the answer cannot be used (malformed, empty, the wrong shape, cut off).
 * Retriable like any {@link Kind#BACKEND_UNAVAILABLE}, and it carries what the unusable answers cost, so the usage
 * meter counts them: a bill shows every paid answer, used or not.
 */
public final class UnusableAnswerException extends DragomanException {

    private final transient Usage spent;

    /** @param spent what the unusable answers cost (requests and tokens or characters) */
    public UnusableAnswerException(String message, Usage spent) {
        super(Kind.BACKEND_UNAVAILABLE, message);
        this.spent = Objects.requireNonNull(spent, "spent");
    }

    public Usage spent() {
        return spent;
    }
}
