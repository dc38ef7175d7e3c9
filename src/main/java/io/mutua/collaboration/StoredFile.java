package io.mutua.collaboration;

import java.nio.file.Path;

/** An attachment's bytes on disk, with what to tell the browser about them. */
public record StoredFile(Path path, String fileName, String contentType, long sizeBytes) {
}
