package dev.dragoman.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Fields;

/**
 * One request as the handlers see it: method, path, headers, query, the whole body (already bounded), its parameters
 * parsed on first use, and the client key it was authenticated with (null when keyless).
 */
final class Exchange {

    private final String method;
    private final String path;
    private final HttpFields headers;
    private final Fields query;
    private final byte[] body;
    private final long maxBody;
    private final KeyLimits limits;
    private Params params;
    private ApiKey key;

    Exchange(
            String method, String path, HttpFields headers, Fields query, byte[] body, long maxBody, KeyLimits limits) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.query = query;
        this.body = body;
        this.maxBody = maxBody;
        this.limits = limits;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String header(String name) {
        return headers.get(name);
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return headers.get("Content-Type");
    }

    /**
     * The parameters: a JSON object body, or the query plus a form body.
     *
     * @throws ApiError 400 for malformed JSON or form bodies
     */
    Params params() {
        if (params == null) {
            params = body.length == 0 && !"POST".equals(method)
                    ? Params.query(query)
                    : Params.parse(contentType(), body, query, maxBody);
        }
        return params;
    }

    ApiKey key() {
        return key;
    }

    void key(ApiKey k) {
        this.key = k;
    }

    /**
     * Books {@code characters} against the key's per-minute character limit.
     *
     * @throws ApiError 429 with Retry-After when the key has used its characters for this minute
     */
    void charge(long characters) {
        limits.chargeCharacters(key, characters);
    }

    /** Characters this request's key (or the keyless server) has used in the current minute. */
    long charactersThisMinute() {
        return limits.charactersThisMinute(key);
    }
}
