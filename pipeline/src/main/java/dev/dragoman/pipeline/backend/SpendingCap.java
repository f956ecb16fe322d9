package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.langchain4j.model.chat.ChatModel;

/**
 * A run's cap on what its backends may spend, applied where {@link Backends} builds them ({@link Backends#withBudget}):
 * at the bottom of a machine translator's stack and around a language model's {@link ChatModel}. The one
 * implementation is {@code pipeline.cost.Budget}, which prices calls from the price table; this interface keeps the
 * dependency one way (the cost package builds on backends, never the reverse). Implementations are thread-safe: one
 * cap is shared by every backend of a run.
 */
public interface SpendingCap {

    /**
     * {@code backend} (machine translation, built from the resolved {@code spec}) with every call kept within the cap.
     *
     * @throws dev.dragoman.core.error.DragomanException of kind CONFIGURATION when the backend cannot be priced
     */
    TranslationBackend translator(TranslationBackend backend, BackendSpec spec);

    /**
     * {@code model} (a language model's translations and summaries, built from the resolved {@code spec}) with every
     * call kept within the cap.
     *
     * @throws dev.dragoman.core.error.DragomanException of kind CONFIGURATION when the model cannot be priced
     */
    ChatModel chatModel(ChatModel model, BackendSpec spec);
}
