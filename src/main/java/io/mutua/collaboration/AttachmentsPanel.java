package io.mutua.collaboration;

import io.mutua.web.FormErrors;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The documents of a plan as one viewer sees them, with the upload form. {@code basePath} is the plan's address on
 * the viewer's side; {@code seller} offers the internal checkbox.
 */
public record AttachmentsPanel(String basePath, boolean seller, boolean canWrite, List<Item> items,
        List<StepChoice> steps, UUID stepId, boolean internal, FormErrors errors, boolean uploaded, long maxMegabytes) {

    public static final String ID = "attachments";

    /** One document, with the step it belongs to (null: the plan). */
    public record Item(AttachmentView file, String stepTitle) {

        public String domId() {
            return "attachment-" + file.id();
        }

        /** The size for people: kilobytes below a megabyte, megabytes with one decimal above. */
        public String size() {
            long bytes = file.sizeBytes();
            return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }

    public String id() {
        return ID;
    }

    public String target() {
        return "#" + ID;
    }

    public String path() {
        return basePath + "/attachments";
    }

    public String download(Item item) {
        return path() + "/" + item.file().id();
    }

    public boolean selected(StepChoice step) {
        return step.id().equals(stepId);
    }
}
