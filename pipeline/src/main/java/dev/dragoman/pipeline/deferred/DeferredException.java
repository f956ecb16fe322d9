package dev.dragoman.pipeline.deferred;

import dev.dragoman.core.error.DragomanException;

/**
 * A chat request handed to a provider batch instead of being sent (deferred mode): nothing failed, the item waits for
 * the batch. Of kind {@link DragomanException.Kind#DEFERRED}: not retriable, so every decorator lets it through
 * untouched, and the batch engine counts the item as waiting, not failed.
 */
public final class DeferredException extends DragomanException {

    public DeferredException(String backend) {
        super(Kind.DEFERRED, "handed to a batch of backend '" + backend + "'; run again when the batch has ended");
    }
}
