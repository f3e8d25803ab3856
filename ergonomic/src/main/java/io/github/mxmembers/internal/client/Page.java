package io.github.mxmembers.internal.client;

import io.github.mxmembers.annotations.InternalApi;
import java.util.List;

/** One page of a list call's answer, and whether MX has more. */
@InternalApi
public final class Page<T> {
  final List<T> items;
  final boolean last;

  public Page(List<T> items, boolean last) {
    this.items = List.copyOf(items);
    this.last = last;
  }
}
