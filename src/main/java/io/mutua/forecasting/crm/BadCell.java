package io.mutua.forecasting.crm;

import java.util.List;

/** A cell that cannot be read: why, as a {@code crm.error.*} message key with its arguments. */
final class BadCell extends RuntimeException {

    private final String code;
    private final transient List<Object> args;

    BadCell(String code, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = List.of(args);
    }

    String code() {
        return code;
    }

    List<Object> args() {
        return args;
    }
}
