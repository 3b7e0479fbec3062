package dev.cleave.architecture.splittability;

/** Breaks the round trip: the compact constructor changes what it is given, so the copy differs. */
public record DoubleEntry(long amount) {
  public DoubleEntry {
    amount = amount * 2;
  }
}
