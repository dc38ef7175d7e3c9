package io.mutua.forecasting.crm;

import java.util.List;

/** What the mapping step shows of a file: its header, its first rows, and how many data rows it has. */
public record SheetOutline(List<String> headers, List<List<String>> sample, int rows) {

    public SheetOutline {
        headers = List.copyOf(headers);
        sample = sample.stream().map(List::copyOf).toList();
    }
}
