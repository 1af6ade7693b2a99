package dev.offramp.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The settings files as shipped (config/*.properties), read as the bundle reads them, from the project root. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** {@code file} relative to the project root, e.g. {@code config/application.properties}. */
    public static Properties load(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    /** config/application.properties: the embedded defaults. */
    public static Properties embeddedDefaults() {
        return load("config/application.properties");
    }
}
