package io.mutua.forecasting.crm;

/** Where a CRM import stands: files uploaded (and maybe mapped), importing in the background, or ended. */
public enum ImportStatus {
    UPLOADED, RUNNING, DONE, FAILED;

    public boolean ended() {
        return this == DONE || this == FAILED;
    }
}
