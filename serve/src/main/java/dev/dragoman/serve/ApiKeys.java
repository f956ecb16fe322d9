package dev.dragoman.serve;

import dev.dragoman.pipeline.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The client keys file ({@code serve.keys}): one key per line, {@code NAME sha256:HEX [REQUESTS_PER_MINUTE
 * [CHARACTERS_PER_MINUTE]]}, {@code #} comments and blank lines ignored. Only digests are stored; {@code dragoman serve
 * --hash-key} prints one.
 */
public final class ApiKeys {

    private ApiKeys() {}

    /** @throws ConfigException naming the file and line of what is wrong */
    public static List<ApiKey> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the keys file " + file + " (" + e.getMessage()
                    + "): check serve.keys and the file's permissions.");
        }
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = file + " line " + (i + 1);
            if (f.length < 2 || f.length > 4) {
                throw new ConfigException(
                        where + ": write NAME sha256:HEX [REQUESTS_PER_MINUTE [CHARACTERS_PER_MINUTE]]");
            }
            try {
                ApiKey k = new ApiKey(
                        f[0],
                        f[1],
                        f.length > 2 ? Integer.parseInt(f[2]) : 0,
                        f.length > 3 ? Integer.parseInt(f[3]) : 0);
                if (!names.add(k.name())) {
                    throw new ConfigException(where + ": the name '" + k.name() + "' is used twice");
                }
                keys.add(k);
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ": limits are whole numbers per minute (0 = none)");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigException("The keys file " + file + " holds no key: add a line NAME sha256:HEX, or unset "
                    + "serve.keys to serve keyless on loopback.");
        }
        return List.copyOf(keys);
    }
}
