package io.mutua.forecasting.crm;

/** Told how far an import has come, every few hundred rows and at the end. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (processed, total) -> {
    };

    void rows(int processed, int total);
}
