package dev.dragoman.pipeline.backend;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.TranslationBackend;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bottom of one link of a fallback chain ({@link FallbackTranslator}, {@link FallbackSummarizer}): once its
 * backend has answered {@link DragomanException.Kind#QUOTA_EXCEEDED}, every later call is refused the same way without
 * being sent, while the link's cache above still answers its hits — a run does not spend a request per segment or
 * per article learning again that the quota is gone. A machine translator's gate sees the quota error itself; a
 * language model's gate sits around its {@link ChatModel}, below the summarizer's own error mapping, so the chain
 * {@link #close closes} it. Thread-safe.
 */
final class QuotaGate {

    private final AtomicReference<DragomanException> exhausted = new AtomicReference<>();
    private final AtomicBoolean announced = new AtomicBoolean();

    /** {@code raw} behind this gate. */
    TranslationBackend around(TranslationBackend raw) {
        return new TranslationBackend() {
            @Override
            public BackendProfile profile() {
                return raw.profile();
            }

            @Override
            public List<String> wireText(TranslationRequest request) {
                return raw.wireText(request);
            }

            @Override
            public TranslationResult translate(TranslationRequest request) {
                refuseIfClosed();
                try {
                    return raw.translate(request);
                } catch (RuntimeException e) {
                    DragomanException quota = quotaExceeded(e);
                    if (quota != null) {
                        close(quota);
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return "QuotaGate(" + raw + ")";
            }
        };
    }

    /** {@code model} behind this gate: refused without a call once the chain has {@link #close closed} it. */
    ChatModel around(ChatModel model) {
        return new ForwardingChatModel(model) {
            @Override
            public ChatResponse chat(ChatRequest request) {
                refuseIfClosed();
                return delegate().chat(request);
            }
        };
    }

    /** From now on nothing passes: {@code quota} said the backend's quota is used up (the first cause is kept). */
    void close(DragomanException quota) {
        exhausted.compareAndSet(null, quota);
    }

    private void refuseIfClosed() {
        DragomanException gone = exhausted.get();
        if (gone != null) {
            throw new DragomanException(
                    DragomanException.Kind.QUOTA_EXCEEDED, "not sent: earlier in this run " + gone.getMessage());
        }
    }

    /** True the first time it is asked: the chain says once that this backend is out of quota. */
    boolean announce() {
        return announced.compareAndSet(false, true);
    }

    /** The quota error in {@code e}'s cause chain, or null. */
    static DragomanException quotaExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DragomanException d && d.kind() == DragomanException.Kind.QUOTA_EXCEEDED) {
                return d;
            }
        }
        return null;
    }
}
