package dev.dragoman.core.read;

import dev.dragoman.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns the bytes of an input (a file, stdin, a download) into text, choosing the encoding the way news copy
 * actually arrives:
 *
 * <ol>
 *   <li>a byte order mark wins: UTF-8 ({@code EF BB BF}), UTF-16 LE ({@code FF FE}) or UTF-16 BE ({@code FE FF});
 *       the mark itself is not part of the text;</li>
 *   <li>UTF-16 without a BOM is recognized by the zero bytes of its Latin characters (every other byte zero);</li>
 *   <li>bytes that are valid UTF-8 are UTF-8 (pure ASCII included);</li>
 *   <li>otherwise the bytes are single-byte legacy text: Windows-1256 when they look Arabic (most bytes in the
 *       high half map to Arabic letters in 1256), else Windows-1252 (Latin-1 with typographic quotes), the usual
 *       encoding of older European feeds.</li>
 * </ol>
 *
 * <p>Refused with an {@link InvalidInputException} naming the input and the reason: empty or blank input, input
 * larger than {@link #MAX_INPUT_BYTES}, binary content (NUL characters or many control characters after decoding),
 * and UTF-16 that does not decode. The decoder never guesses silently: {@link Decoded#charset()} says which encoding was used and
 * {@link Decoded#how()} why.
 *
 * <p>Stateless and thread-safe.
 */
public final class InputDecoder {

    /** The largest input accepted: 50 MiB. A wire story is kilobytes; anything this big is not an article. */
    public static final int MAX_INPUT_BYTES = 50 * 1024 * 1024;

    /** Windows-1256, the legacy Arabic code page (present in every JDK with the extended charsets). */
    public static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    /** Windows-1252, the legacy Western European code page. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Decoded text and how it was decoded.
     *
     * @param text the text, without a byte order mark, line breaks as in the input
     * @param charset the encoding used
     * @param how why that encoding was chosen: {@code "bom"}, {@code "valid-utf-8"} or {@code "legacy-heuristic"}
     */
    public record Decoded(String text, Charset charset, String how) {
        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(how, "how");
        }
    }

    private InputDecoder() {}

    /**
     * Reads a whole input — a file, a FIFO, a device, standard input, an HTTP body — streaming, and refuses it as
     * soon as it passes {@link #MAX_INPUT_BYTES}, so {@code /dev/zero} or an endless pipe costs at most that much
     * memory and never runs out of it. The one bounded read every source goes through.
     *
     * @param in the stream, read to its end (not closed)
     * @param name what to call the input in the message (a path, "stdin", a URL)
     * @throws InvalidInputException past the limit, or when the stream cannot be read
     */
    public static byte[] readBounded(java.io.InputStream in, String name) {
        // readNBytes grows in 8 KiB steps: a 3 KB wire story costs ~11 KB, not two 64 KiB buffers (a batch reads
        // thousands of them), and it stops one byte past the limit without reading the rest
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw tooLarge(name);
        }
        return bytes;
    }

    /** {@link #readBounded(java.io.InputStream, String)} of a file, FIFO or device. */
    public static byte[] readBounded(java.nio.file.Path path) throws java.io.IOException {
        if (java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.size(path) > MAX_INPUT_BYTES) {
            throw tooLarge(path.toString());
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
            return readBounded(in, path.toString());
        }
    }

    private static InvalidInputException tooLarge(String name) {
        return new InvalidInputException(name + ": the input is larger than the " + MAX_INPUT_BYTES
                + "-byte (50 MiB) limit for one input; refused without reading the rest. Split it into smaller files");
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param bytes the raw input, not null
     * @param name what to call the input in error messages (a path, "stdin", a URL), not null
     * @return the decoded text; never blank
     * @throws InvalidInputException when the input is empty, too large, binary or undecodable
     */
    public static Decoded decode(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        if (bytes.length == 0) {
            throw new InvalidInputException(name + ": the input is empty (0 bytes); give a file with an article in it");
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            throw tooLarge(name);
        }
        Decoded decoded = decodeBytes(bytes, name);
        checkNotBinary(decoded.text(), name);
        if (decoded.text().isBlank()) {
            throw new InvalidInputException(name + ": the input holds only white space; there is no article to read");
        }
        return decoded;
    }

    private static Decoded decodeBytes(byte[] bytes, String name) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, name), StandardCharsets.UTF_8, "bom");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, name), StandardCharsets.UTF_16LE, "bom");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, name), StandardCharsets.UTF_16BE, "bom");
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            String text = tryStrict(bytes, utf16);
            if (text == null) {
                throw new InvalidInputException(name + ": the input looks like UTF-16 without a byte order mark but"
                        + " does not decode as " + utf16.name() + "; save it as UTF-8");
            }
            return new Decoded(text, utf16, "utf-16-zero-bytes");
        }
        String utf8 = tryStrict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, "valid-utf-8");
        }
        long[] utf8Counts = utf8Sequences(bytes);
        if (utf8Counts[0] > 0 && utf8Counts[1] * 20 <= utf8Counts[0]) {
            // thousands of valid multi-byte sequences and a few broken ones: damaged UTF-8, not a legacy code page;
            // decoding it all as 1256/1252 would turn every letter into mojibake without a word
            throw new InvalidInputException(name + ": the input is UTF-8 with " + utf8Counts[1]
                    + " invalid byte sequence(s) (the first at byte " + utf8Counts[2]
                    + "); the file is damaged: re-save or re-download it as UTF-8");
        }
        Charset legacy = looksArabic1256(bytes) ? WINDOWS_1256 : WINDOWS_1252;
        String text = tryStrict(bytes, legacy);
        if (text == null) {
            // 1252 leaves five bytes unmapped (0x81 0x8D 0x8F 0x90 0x9D); 1256 maps all 256. Latin-1 maps every byte.
            legacy = StandardCharsets.ISO_8859_1;
            text = new String(bytes, legacy);
        }
        return new Decoded(text, legacy, "legacy-heuristic");
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String name) {
        String text = tryStrict(java.util.Arrays.copyOfRange(bytes, offset, bytes.length), charset);
        if (text == null) {
            throw new InvalidInputException(name + ": the input starts with a " + charset.name()
                    + " byte order mark but the bytes after it are not valid " + charset.name());
        }
        return text;
    }

    private static String tryStrict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * True when the high-half bytes read as Arabic in Windows-1256. Letters in 1256 sit at 0xC1–0xFE except the
     * Latin letters it keeps for French (à â ç è é ê ë î ï ô ù û ü at 0xE0–0xFC); Arabic prose is mostly letters,
     * so at least 60 % of high bytes on Arabic code points means Arabic.
     */
    static boolean looksArabic1256(byte[] bytes) {
        int high = 0;
        int arabic = 0;
        String decoded = new String(bytes, WINDOWS_1256);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c >= 0x80) {
                high++;
                if (c >= '\u0600' && c <= '\u06FF') {
                    arabic++;
                }
            }
        }
        return high > 0 && arabic * 10 >= high * 6;
    }

    /** {valid multi-byte UTF-8 sequences, invalid sequences, offset of the first invalid one (-1 if none)}. */
    static long[] utf8Sequences(byte[] bytes) {
        long valid = 0;
        long invalid = 0;
        long first = -1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            boolean ok = need > 0;
            for (int k = 1; ok && k <= need; k++) {
                ok = i + k < bytes.length && (bytes[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += need + 1;
            } else {
                if (first < 0) {
                    first = i;
                }
                invalid++;
                i++;
            }
        }
        return new long[] {valid, invalid, first};
    }

    /**
     * UTF-16 without a BOM, recognized by its zero bytes: Latin text has a zero high byte in every other position
     * (at even offsets for big endian, odd for little endian). Arabic UTF-16 has no zero bytes and is only read with
     * a BOM. Returns null when the pattern is absent.
     */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length / 2, 4096);
        if (pairs < 4 || bytes.length % 2 != 0) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (bytes[i] == 0) {
                evenZero++;
            }
            if (bytes[i + 1] == 0) {
                oddZero++;
            }
        }
        if (evenZero * 10 >= pairs * 4 && oddZero == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (oddZero * 10 >= pairs * 4 && evenZero == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static void checkNotBinary(String text, String name) {
        int control = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidInputException(name + ": the input contains NUL bytes (at character " + i
                        + "), so it is binary, not text; give a text, JSON, HTML or feed file");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) {
                control++;
            }
        }
        if (control > 8 && control * 100 > length) {
            throw new InvalidInputException(name + ": the input contains " + control
                    + " control characters, so it is binary, not text; give a text, JSON, HTML or feed file");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
