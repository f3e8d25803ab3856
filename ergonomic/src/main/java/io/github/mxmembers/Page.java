package io.github.mxmembers;

import java.util.List;

/** One page of a list call's answer, and whether MX has more. */
final class Page<T> {
  final List<T> items;
  final boolean last;

  Page(List<T> items, boolean last) {
    this.items = List.copyOf(items);
    this.last = last;
  }
}
