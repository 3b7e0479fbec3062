package dev.cleave.kernel;

import java.util.List;

/**
 * One page of a larger result.
 *
 * @param items the items on this page, in order
 * @param page the 1-based page number
 * @param size the requested page size
 * @param totalItems the number of items across all pages
 * @param totalPages the number of pages ({@code 0} when there are no items)
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
    long totalPages = size == 0 ? 0 : (totalItems + size - 1) / size;
    return new Page<>(items, page, size, totalItems, totalPages);
  }
}
