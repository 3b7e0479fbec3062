package dev.cleave.architecture.splittability;

import dev.cleave.kernel.Money;
import java.time.Instant;
import java.util.List;

/** Survives JSON-B: components only, each a type JSON-B maps both ways. */
public record RoundTrips(
    String name, long id, Money price, Instant at, List<String> tags, boolean active) {}
