package io.mutua.web;

import java.util.List;
import java.util.function.Function;

/** One page of results; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
