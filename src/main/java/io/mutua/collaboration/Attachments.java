package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.Audience;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents attached to plans. What a file is comes from its bytes (Apache Tika), never from what the browser
 * claims: only allowed kinds are kept, and only when the bytes agree with the claimed type and name. Files are
 * stored under random names outside the web root and only ever served as downloads.
 */
@Service
@Transactional
public class Attachments {

    /** The kinds of document people attach to a plan, by the type their bytes say they are. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/csv", "csv"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"));
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_NAME = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final BuyerAccess buyers;
    private final Users users;
    private final Path directory;
    private final Tika tika = new Tika();
    private final Clock clock;

    Attachments(JdbcClient jdbc, PlanService plans, BuyerPlans buyerPlans, BuyerAccess buyers, Users users,
            @Value("${mutua.attachments.dir}") Path directory, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.buyers = buyers;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> forSeller(Viewer viewer, UUID planId) {
        plans.get(viewer, planId);
        return read(planId, Audience.SELLER);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> forBuyer(String email, UUID planId) {
        buyers.participant(email, planId);
        return read(planId, Audience.BUYER);
    }

    public AttachmentView uploadBySeller(Viewer viewer, UUID planId, UUID stepId, MultipartFile file,
            boolean internal) {
        PlanView plan = plans.get(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        checkStep(plan, stepId);
        boolean hidden = internal || stepId != null && !plans.isSharedStep(planId, stepId) || !plan.mutual();
        String name = users.find(viewer.userId()).map(UserSummary::name).orElse("");
        AttachmentView saved = store(planId, stepId, file, viewer.userId(), null, name, hidden);
        plans.recordActivity(planId, stepId, viewer.userId(), null, PlanChange.ATTACHED, saved.fileName(), null,
                null, hidden);
        return saved;
    }

    public AttachmentView uploadByBuyer(String email, UUID planId, UUID stepId, MultipartFile file) {
        ParticipantView participant = buyers.participant(email, planId);
        PlanView plan = buyerPlans.view(planId);
        if (plan.status() == PlanStatus.CLOSED) {
            throw new ConflictException("plans.closed");
        }
        checkStep(plan, stepId);
        AttachmentView saved = store(planId, stepId, file, null, participant.id(), participant.name(), false);
        plans.recordActivity(planId, stepId, null, participant.id(), PlanChange.ATTACHED, saved.fileName(), null,
                null, false);
        return saved;
    }

    @Transactional(readOnly = true)
    public StoredFile downloadBySeller(Viewer viewer, UUID planId, UUID attachmentId) {
        plans.get(viewer, planId);
        return file(planId, attachmentId, Audience.SELLER);
    }

    @Transactional(readOnly = true)
    public StoredFile downloadByBuyer(String email, UUID planId, UUID attachmentId) {
        buyers.participant(email, planId);
        return file(planId, attachmentId, Audience.BUYER);
    }

    private AttachmentView store(UUID planId, UUID stepId, MultipartFile file, UUID userId, UUID participantId,
            String uploader, boolean internal) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "attachments.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInputException("file", "attachments.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String fileName = cleanName(file.getOriginalFilename());
        String detected;
        try (InputStream in = file.getInputStream()) {
            detected = tika.detect(in, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extension = ALLOWED.get(detected);
        if (extension == null) {
            throw new InvalidInputException("file", "attachments.notAllowed");
        }
        if (!claimMatches(file.getContentType(), detected) || !nameMatches(fileName, extension)) {
            throw new InvalidInputException("file", "attachments.mismatch");
        }
        String storageName = randomName();
        try {
            Files.createDirectories(directory);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, directory.resolve(storageName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an attachment", e);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into attachment (id, plan_id, step_id, file_name, content_type, size_bytes, storage_name, "
                        + "uploaded_by_user, uploaded_by_participant, uploader_name, internal, created_at) values "
                        + "(:id, :plan, :step, :name, :type, :size, :storage, :user, :participant, :uploader, "
                        + ":internal, :now)")
                .param("id", id).param("plan", planId).param("step", stepId).param("name", fileName)
                .param("type", detected).param("size", file.getSize()).param("storage", storageName)
                .param("user", userId).param("participant", participantId).param("uploader", uploader)
                .param("internal", internal).param("now", Timestamp.from(now))
                .update();
        return new AttachmentView(id, stepId, fileName, detected, file.getSize(), uploader, internal, now);
    }

    private List<AttachmentView> read(UUID planId, Audience audience) {
        return jdbc.sql("select a.* from attachment a left join plan_step s on s.id = a.step_id where a.plan_id = :plan"
                        + buyerFilter(audience) + " order by a.created_at, a.id")
                .param("plan", planId)
                .query((rs, n) -> new AttachmentView(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("uploader_name"), rs.getBoolean("internal"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private StoredFile file(UUID planId, UUID attachmentId, Audience audience) {
        return jdbc.sql("select a.* from attachment a left join plan_step s on s.id = a.step_id "
                        + "where a.plan_id = :plan and a.id = :id" + buyerFilter(audience))
                .param("plan", planId)
                .param("id", attachmentId)
                .query((rs, n) -> new StoredFile(directory.resolve(rs.getString("storage_name")),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes")))
                .optional()
                .orElseThrow(() -> new NotFoundException("attachments.notFound"));
    }

    private static String buyerFilter(Audience audience) {
        return audience == Audience.BUYER ? " and not a.internal and (a.step_id is null or s.visibility = 'SHARED')"
                : "";
    }

    private static void checkStep(PlanView plan, UUID stepId) {
        if (stepId != null && plan.steps().stream().noneMatch(step -> step.id().equals(stepId))) {
            throw new NotFoundException("plans.stepNotFound");
        }
    }

    /** The claimed type agrees when it is the detected one (parameters aside) or a generic "I don't know". */
    private static boolean claimMatches(String claimed, String detected) {
        if (claimed == null || claimed.isBlank() || claimed.startsWith("application/octet-stream")) {
            return true;
        }
        String type = claimed.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(detected) || type.equals("image/jpg") && detected.equals("image/jpeg")
                || detected.startsWith("text/") && type.startsWith("text/");
    }

    private static boolean nameMatches(String fileName, String extension) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith("." + extension) || extension.equals("jpg") && lower.endsWith(".jpeg");
    }

    private static String cleanName(String original) {
        String name = original == null ? "" : original.replaceAll("[\\\\/]", "_").replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("file", "attachments.noName");
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static String randomName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
