package dev.dragoman.core.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where a name that came from an input (an article id, a file stem, a title, a URL) becomes a file
 * name: inputs are data, never paths. {@link #stem} keeps only {@code [A-Za-z0-9_-]} (after NFKC, so look-alike
 * letters fold or drop), at most {@value #MAX_STEM} characters, never a reserved device name ({@code CON},
 * {@code NUL}, {@code COM1}…), never empty; when anything was changed a short hash of the original is appended, so
 * two different names never meet in one file. {@link #under} resolves a relative name against a directory and
 * refuses any result outside it. Stateless and thread-safe.
 */
public final class OutputNames {

    /** The longest stem {@link #stem} returns (before the extension). */
    public static final int MAX_STEM = 80;

    private static final int HASH_CHARS = 12;
    private static final Set<String> RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "conin$", "conout$");

    private OutputNames() {}

    /**
     * A safe file stem for {@code name}: unchanged when it already is one (letters, digits, {@code _}, {@code -};
     * not reserved; short enough), else a slug of it plus {@code -} and 12 hex characters of its SHA-256.
     *
     * @param name any text, may be null or empty
     * @return a non-empty stem of at most {@value #MAX_STEM} characters from {@code [A-Za-z0-9_-]}
     */
    public static String stem(String name) {
        String original = name == null ? "" : name;
        if (isSafe(original)) {
            return original;
        }
        String folded = Normalizer.normalize(original, Normalizer.Form.NFKC);
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < folded.length() && slug.length() < MAX_STEM - HASH_CHARS - 1; i++) {
            char c = folded.charAt(i);
            if (safeChar(c)) {
                slug.append(c);
            } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        String hash = hash(original);
        return slug.isEmpty() ? hash : slug + "-" + hash;
    }

    /**
     * {@code directory/relative}, normalized, after checking it stays inside {@code directory}.
     *
     * @throws IllegalArgumentException when {@code relative} is absolute, not a valid path, or leaves the directory
     */
    public static Path under(Path directory, String relative) {
        Path base = directory.toAbsolutePath().normalize();
        Path resolved;
        try {
            Path rel = Path.of(relative);
            if (rel.isAbsolute()) {
                throw new IllegalArgumentException("output name " + quote(relative) + " is absolute");
            }
            resolved = base.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("output name " + quote(relative) + " is not a valid path", e);
        }
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("output name " + quote(relative) + " leaves " + base);
        }
        return resolved;
    }

    private static boolean isSafe(String s) {
        if (s.isEmpty() || s.length() > MAX_STEM || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!safeChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean safeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "'" + shown.replace("\0", "\\0") + "'";
    }
}
