package dev.cleave.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

  @Test
  void usesTheEmbeddedDatabaseWhenNoHostIsConfigured() {
    assertThat(DatabaseSettings.fromEnvironment(Map.of())).isNull();
    assertThat(DatabaseSettings.fromEnvironment(Map.of("CLEAVE_DB_HOST", " "))).isNull();
  }

  @Test
  void readsAnExternalDatabaseFromTheEnvironment() {
    DatabaseSettings settings =
        DatabaseSettings.fromEnvironment(
            Map.of(
                "CLEAVE_DB_HOST",
                "db.internal",
                "CLEAVE_DB_PORT",
                "6543",
                "CLEAVE_DB_NAME",
                "shop",
                "CLEAVE_DB_USER",
                "app",
                "CLEAVE_DB_PASSWORD",
                "pw"));
    assertThat(settings).isEqualTo(new DatabaseSettings("db.internal", 6543, "shop", "app", "pw"));
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/shop");
    assertThat(settings.toEnvironment())
        .containsEntry("CLEAVE_DB_PORT", "6543")
        .containsEntry("CLEAVE_DB_NAME", "shop");
  }

  @Test
  void generatesDevelopmentKeysOnceAndKeepsThem(@TempDir Path dir) throws Exception {
    DevKeys.KeyFiles keys = DevKeys.ensure(dir);
    String first = Files.readString(keys.publicKey());
    assertThat(first).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(keys.privateKey()).isEqualTo(dir.resolve("jwt-private.pem"));
    assertThat(Files.readString(keys.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(DevKeys.ensure(dir).publicKey())).isEqualTo(first);
  }
}
