package io.mutua.forecasting.crm;

import java.util.Objects;

/** An uploaded CSV or XLSX file; the name's extension (or the bytes) tell which. */
public record SheetFile(String name, byte[] bytes) {

    public SheetFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }
}
