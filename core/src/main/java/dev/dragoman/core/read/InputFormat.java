package dev.dragoman.core.read;

/** The input formats {@link ArticleReaders} tells apart. */
public enum InputFormat {
    /** One article in Dragoman's own JSON (an object), or a JSON array of them. */
    JSON,
    /** Dragoman JSON, one article object per line. */
    JSON_LINES,
    /** An HTML page. */
    HTML,
    /** An RSS or Atom feed. */
    FEED,
    /** Plain wire copy: headline, date and dateline lines, paragraphs, source and "read also" blocks. */
    WIRE_TEXT
}
