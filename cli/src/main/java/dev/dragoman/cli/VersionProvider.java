package dev.dragoman.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (Maven fills Implementation-Version), or "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** "0.1.0-SNAPSHOT", or "dev" when run from classes. */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "dragoman " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
