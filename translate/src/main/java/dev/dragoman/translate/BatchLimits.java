package dev.dragoman.translate;

/**
 * How much one request to a backend may carry: segments, characters, UTF-8 bytes and (estimated) tokens. A value of
 * 0 means "no limit of this kind". Segments are packed greedily, in order, into as few requests as these limits
 * allow; a single segment larger than a limit travels alone. Immutable.
 *
 * @param maxSegments segments per request (DeepL 50, Google 128, Azure 100)
 * @param maxCharacters characters (UTF-16 code units, as vendors count them) per request
 * @param maxBytes UTF-8 bytes of segment text per request (DeepL's 128 KiB body)
 * @param maxTokens estimated tokens per request ({@link dev.dragoman.core.llm.TokenEstimate}), for LLMs whose answer must fit the
 *     model's output budget
 */
public record BatchLimits(int maxSegments, long maxCharacters, long maxBytes, long maxTokens) {

    /** No limits at all (one request for everything). */
    public static final BatchLimits UNLIMITED = new BatchLimits(0, 0, 0, 0);

    public BatchLimits {
        if (maxSegments < 0 || maxCharacters < 0 || maxBytes < 0 || maxTokens < 0) {
            throw new IllegalArgumentException("batch limits must not be negative (0 = unlimited)");
        }
    }

    public static BatchLimits of(int maxSegments, long maxCharacters) {
        return new BatchLimits(maxSegments, maxCharacters, 0, 0);
    }

    public BatchLimits withMaxSegments(int n) {
        return new BatchLimits(n, maxCharacters, maxBytes, maxTokens);
    }

    public BatchLimits withMaxCharacters(long n) {
        return new BatchLimits(maxSegments, n, maxBytes, maxTokens);
    }

    public BatchLimits withMaxBytes(long n) {
        return new BatchLimits(maxSegments, maxCharacters, n, maxTokens);
    }

    public BatchLimits withMaxTokens(long n) {
        return new BatchLimits(maxSegments, maxCharacters, maxBytes, n);
    }
}
