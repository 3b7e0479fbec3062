package dev.cleave.architecture.splittability;

import jakarta.json.bind.annotation.JsonbTransient;

/** Breaks the round trip: a component JSON-B is told to leave out comes back empty. */
public record LostField(String name, @JsonbTransient String secret) {}
