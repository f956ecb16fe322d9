package dev.dragoman.core.testing.sim;

/** A misbehaviour the {@link SimulatedBackend} can inject into one response. */
public enum Fault {
    /** HTTP 500 with a JSON error body. */
    SERVER_ERROR,
    /** HTTP 503 with a JSON error body. */
    SERVICE_UNAVAILABLE,
    /** Reads the request, then says nothing for {@link SimConfig#stall()} and closes: the client times out. */
    STALL,
    /** Reads the request, then resets the connection (TCP RST through {@code SO_LINGER 0}). */
    CONNECTION_RESET,
    /** HTTP 200 whose body is not JSON at all. */
    MALFORMED_JSON,
    /** HTTP 200 whose body is the correct JSON cut in half (with an honest Content-Length). */
    TRUNCATED_JSON,
    /** HTTP 200, valid JSON, but one segment fewer than asked for. */
    WRONG_SEGMENT_COUNT,
    /** Chat completions only: HTTP 200, valid envelope, but the assistant's content is not the JSON asked for. */
    MALFORMED_CONTENT
}
