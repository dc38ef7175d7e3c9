package io.mutua.web;

/** Whether this installation still needs its first admin. */
public interface SetupStatus {

    boolean setupRequired();
}
