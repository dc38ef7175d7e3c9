package io.mutua.playbooks;

import io.mutua.identity.Viewer;
import io.mutua.playbooks.PlaybookEditor.MilestoneInput;
import io.mutua.playbooks.PlaybookEditor.StepAdd;
import io.mutua.playbooks.PlaybookEditor.StepEdit;
import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.mutua.web.StaleVersionException;
import io.mutua.web.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's playbook pages: the list, settings, the content editor (milestones and steps, edited in place with
 * htmx or with plain forms) and the version history. Every content change names the playbook version it was made
 * against, so nobody overwrites someone else's change unseen.
 */
@Controller
public class PlaybookAdminController {

    static final String PATH = Paths.ADMIN + "/playbooks";
    private static final Pattern STEP_FIELD = Pattern.compile("milestones\\[(\\d+)]\\.steps\\[(\\d+)]\\.(\\w+)");

    private final Playbooks playbooks;
    private final MessageSource messages;

    PlaybookAdminController(Playbooks playbooks, MessageSource messages) {
        this.playbooks = playbooks;
        this.messages = messages;
    }

    public record SettingsForm(
            @NotBlank(message = "{validation.required}") @Size(max = Playbooks.MAX_NAME, message = "{validation.size}")
            @StorableText String name,
            @Size(max = Playbooks.MAX_DESCRIPTION, message = "{validation.size}") @StorableText String description,
            @Size(max = Playbooks.MAX_SEGMENT, message = "{validation.size}") @StorableText String segment,
            @DecimalMin(value = "0", message = "{validation.amount}")
            @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal minAmount,
            @DecimalMin(value = "0", message = "{validation.amount}")
            @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal maxAmount,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{playbooks.priorityRange}")
            @Max(value = 9999, message = "{playbooks.priorityRange}") Integer priority,
            Boolean isDefault,
            long version) {

        static final int DEFAULT_PRIORITY = 100;

        static SettingsForm blank() {
            return new SettingsForm("", "", "", null, null, DEFAULT_PRIORITY, false, 0);
        }

        static SettingsForm from(PlaybookView playbook) {
            PlaybookSettings settings = playbook.settings();
            return new SettingsForm(settings.name(), settings.description(), settings.segment(),
                    settings.minAmount(), settings.maxAmount(), settings.priority(), settings.isDefault(),
                    playbook.version());
        }

        SettingsForm withVersion(long newVersion) {
            return new SettingsForm(name, description, segment, minAmount, maxAmount, priority, isDefault, newVersion);
        }

        /** An unticked checkbox sends nothing. */
        public boolean chosenAsDefault() {
            return Boolean.TRUE.equals(isDefault);
        }

        PlaybookSettings toSettings() {
            String text = description == null ? null : description.replace("\r\n", "\n");
            return new PlaybookSettings(name, text, segment, minAmount, maxAmount,
                    priority == null ? DEFAULT_PRIORITY : priority, chosenAsDefault());
        }
    }

    public record ListPage(List<PlaybookView> active, List<PlaybookView> archived, String problem) {
    }

    /** {@code currentDefault} names the playbook that is the default now, unless it is this one. */
    public record SettingsPage(SettingsForm form, FormErrors errors, String currentDefault) {
    }

    /** {@code saved} holds the stored settings when someone else changed them while the user was editing. */
    public record EditPage(PlaybookView playbook, SettingsPage settings, PlaybookSettings saved, boolean justSaved,
            boolean duplicated, PlaybookEditor editor, PlaybookPurpose purpose) {

        public List<PlaybookPurpose> purposes() {
            return List.of(PlaybookPurpose.values());
        }
    }

    public record VersionsPage(PlaybookView playbook, List<PlaybookVersionView> versions, PlaybookEditor shown,
            Integer shownNumber) {
    }

    // --- list, create, duplicate, archive ------------------------------------------------------------------------

    @GetMapping(PATH)
    String list(Model model) {
        return listPage(model, null);
    }

    @GetMapping(PATH + "/new")
    String newPlaybook(Model model) {
        model.addAttribute("page", new SettingsPage(SettingsForm.blank(), FormErrors.none(), currentDefault(null)));
        return "playbooks/new";
    }

    @PostMapping(PATH)
    String create(Viewer viewer, @Valid @ModelAttribute("form") SettingsForm form, BindingResult result,
            Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                PlaybookView created = playbooks.create(form.toSettings(), PlaybookContent.empty(), viewer.userId());
                return "redirect:" + PATH + "/" + created.id();
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", new SettingsPage(form, errors, currentDefault(null)));
        return "playbooks/new";
    }

    @PostMapping(PATH + "/{id}/duplicate")
    String duplicate(Viewer viewer, @PathVariable UUID id) {
        PlaybookView copy = playbooks.duplicate(id, viewer.userId());
        return "redirect:" + PATH + "/" + copy.id() + "?duplicated";
    }

    @PostMapping(PATH + "/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam long version, @RequestParam boolean archived, Locale locale,
            Model model, HttpServletResponse response) {
        try {
            playbooks.archive(id, version, archived);
            return "redirect:" + PATH;
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return listPage(model, text(e, locale));
        }
    }

    // --- settings ------------------------------------------------------------------------------------------------

    @GetMapping(PATH + "/{id}")
    String edit(@PathVariable UUID id, @RequestParam(required = false) String saved,
            @RequestParam(required = false) String duplicated, Model model) {
        PlaybookView playbook = playbooks.get(id);
        model.addAttribute("page", new EditPage(playbook, new SettingsPage(SettingsForm.from(playbook),
                FormErrors.none(), currentDefault(id)), null, saved != null, duplicated != null, editor(playbook),
                playbooks.purposeOf(id)));
        return "playbooks/edit";
    }

    @PostMapping(PATH + "/{id}/settings")
    String updateSettings(@PathVariable UUID id, @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult result, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        PlaybookSettings saved = null;
        if (!errors.any()) {
            try {
                playbooks.updateSettings(id, form.version(), form.toSettings());
                return "redirect:" + PATH + "/" + id + "?saved";
            } catch (NotFoundException e) {
                throw e;
            } catch (StaleVersionException e) {
                errors = errors.with(e, messages, locale);
                saved = playbooks.get(id).settings();
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        PlaybookView current = playbooks.get(id);
        response.setStatus(saved != null ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        SettingsForm kept = saved != null ? form.withVersion(current.version()) : form;
        return editPage(model, current, kept, errors, saved, editor(current));
    }

    /** Whether the playbook is for closing deals or for onboarding customers after a win. */
    @PostMapping(PATH + "/{id}/purpose")
    String choosePurpose(@PathVariable UUID id, @RequestParam long version, @RequestParam PlaybookPurpose purpose,
            Locale locale, Model model, HttpServletResponse response) {
        try {
            playbooks.choosePurpose(id, version, purpose);
            return "redirect:" + PATH + "/" + id + "?saved";
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            PlaybookView current = playbooks.get(id);
            return editPage(model, current, SettingsForm.from(current), FormErrors.none().with(e, messages, locale),
                    null, editor(current));
        }
    }

    // --- milestones ----------------------------------------------------------------------------------------------

    @PostMapping(PATH + "/{id}/milestones")
    String addMilestone(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
            @RequestParam(defaultValue = "") String title, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        return change(viewer, id, version, content -> content.addMilestone(title), "#" + PlaybookEditor.ID, web,
                (editor, e, problem) -> milestoneFailure(editor, e, problem, -1, title, locale));
    }

    @PostMapping(PATH + "/{id}/milestones/{m}")
    String renameMilestone(Viewer viewer, @PathVariable UUID id, @PathVariable int m, @RequestParam long version,
            @RequestParam(defaultValue = "") String title, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        return change(viewer, id, version, content -> content.renameMilestone(m, title), "#milestone-" + m, web,
                (editor, e, problem) -> milestoneFailure(editor, e, problem, m, title, locale));
    }

    @PostMapping(PATH + "/{id}/milestones/{m}/move")
    String moveMilestone(Viewer viewer, @PathVariable UUID id, @PathVariable int m, @RequestParam long version,
            @RequestParam int direction, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Web web = new Web(request, response, model, locale);
        int to = m + Integer.signum(direction);
        return change(viewer, id, version, content -> content.moveMilestone(m, direction), "#milestone-" + to, web,
                (editor, e, problem) -> editor.withProblem(problem));
    }

    @PostMapping(PATH + "/{id}/milestones/{m}/delete")
    String deleteMilestone(Viewer viewer, @PathVariable UUID id, @PathVariable int m, @RequestParam long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        return change(viewer, id, version, content -> content.removeMilestone(m), "#" + PlaybookEditor.ID, web,
                (editor, e, problem) -> editor.withProblem(problem));
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    @PostMapping(PATH + "/{id}/milestones/{m}/steps")
    String addStep(Viewer viewer, @PathVariable UUID id, @PathVariable int m,
            @Valid @ModelAttribute("stepForm") StepForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PlaybookView current = playbooks.get(id);
            return editorView(web, current, editor(current).withAdd(new StepAdd(m, form, errors, null)));
        }
        PlaybookView before = playbooks.get(id);
        String key = form.typedKey() != null ? form.typedKey() : StepKeys.suggest(form.title(), editor(before).keys());
        List<MilestoneTemplate> milestones = before.content().milestones();
        String at = "milestones[" + m + "].steps[" + (m >= 0 && m < milestones.size()
                ? milestones.get(m).steps().size() : 0) + "]";
        return change(viewer, id, form.version(), content -> content.addStep(m, form.toTemplate(key)),
                "#milestone-" + m, web, (editor, e, problem) -> {
                    if (e instanceof StaleVersionException) {
                        return editor.withProblem(problem).withAdd(new StepAdd(m, form.withVersion(editor.version()),
                                FormErrors.none(), null));
                    }
                    StepAdd kept = new StepAdd(m, form, fieldErrors(e, at, locale),
                            fieldOf(e, at) == null ? problem : null);
                    return m >= 0 && m < editor.milestones().size() ? editor.withAdd(kept) : editor.withProblem(problem);
                },
                editor -> editor.withAdd(new StepAdd(m, editor.addForm(m), FormErrors.none(), null)));
    }

    @GetMapping(PATH + "/{id}/milestones/{m}/key-hint")
    String keyHint(@PathVariable UUID id, @PathVariable int m, @RequestParam(defaultValue = "") String title,
            Model model) {
        model.addAttribute("hintId", "add-" + m + "-key-hint");
        model.addAttribute("suggestion", editor(playbooks.get(id)).suggestKey(title));
        return "playbooks/key-hint";
    }

    @GetMapping(PATH + "/{id}/steps/{key}")
    String showStep(@PathVariable UUID id, @PathVariable String key, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + PATH + "/" + id + stepAnchor(key);
        }
        PlaybookEditor editor = editor(playbooks.get(id));
        requireStep(editor, key);
        return row(model, editor, key, false);
    }

    @GetMapping(PATH + "/{id}/steps/{key}/edit")
    String editStep(@PathVariable UUID id, @PathVariable String key, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PlaybookView playbook = playbooks.get(id);
        PlaybookEditor editor = editor(playbook);
        StepTemplate step = requireStep(editor, key);
        editor = editor.withEdit(new StepEdit(key, StepForm.from(step, playbook.version()), FormErrors.none(), null,
                null));
        if (Htmx.isHtmx(request)) {
            model.addAttribute("editor", editor);
            model.addAttribute("stepKey", key);
            return "playbooks/step-form";
        }
        return editorView(new Web(request, response, model, locale), playbook, editor);
    }

    @PostMapping(PATH + "/{id}/steps/{key}")
    String saveStep(Viewer viewer, @PathVariable UUID id, @PathVariable String key,
            @Valid @ModelAttribute("stepForm") StepForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                PlaybookView saved = playbooks.editContent(id, form.version(),
                        content -> content.replaceStep(form.toTemplate(key)), viewer.userId());
                if (Htmx.isHtmx(request)) {
                    return row(model, editor(saved), key, true);
                }
                return "redirect:" + PATH + "/" + id + stepAnchor(key);
            } catch (NotFoundException e) {
                throw e;
            } catch (StaleVersionException e) {
                return staleStep(web, id, key, form);
            } catch (DomainException e) {
                PlaybookView current = playbooks.get(id);
                String at = stepPath(current.content(), key);
                errors = fieldErrors(e, at, locale);
                String problem = fieldOf(e, at) == null ? problem(e, current.content(), locale) : null;
                return stepFormFailure(web, current, new StepEdit(key, form, errors, problem, null));
            }
        }
        return stepFormFailure(web, playbooks.get(id), new StepEdit(key, form, errors, null, null));
    }

    @PostMapping(PATH + "/{id}/steps/{key}/move")
    String moveStep(Viewer viewer, @PathVariable UUID id, @PathVariable String key, @RequestParam long version,
            @RequestParam int direction, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Web web = new Web(request, response, model, locale);
        return change(viewer, id, version, content -> content.moveStep(key, direction), stepAnchor(key), web,
                (editor, e, problem) -> editor.withProblem(problem));
    }

    @PostMapping(PATH + "/{id}/steps/{key}/delete")
    String deleteStep(Viewer viewer, @PathVariable UUID id, @PathVariable String key, @RequestParam long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        Web web = new Web(request, response, model, locale);
        return change(viewer, id, version, content -> content.removeStep(key), "#" + PlaybookEditor.ID, web,
                (editor, e, problem) -> editor.withProblem(problem));
    }

    // --- versions ------------------------------------------------------------------------------------------------

    @GetMapping(PATH + "/{id}/versions")
    String versions(@PathVariable UUID id, Model model) {
        PlaybookView playbook = playbooks.get(id);
        model.addAttribute("page", new VersionsPage(playbook, playbooks.history(id), null, null));
        return "playbooks/versions";
    }

    @GetMapping(PATH + "/{id}/versions/{number}")
    String version(@PathVariable UUID id, @PathVariable int number, Model model) {
        PlaybookView playbook = playbooks.get(id);
        PlaybookContent content = playbooks.content(id, number)
                .orElseThrow(() -> new NotFoundException("playbooks.versionNotFound", number));
        PlaybookView old = new PlaybookView(playbook.id(), playbook.settings(), playbook.archived(), number, true,
                content, playbook.updatedAt(), playbook.version());
        model.addAttribute("page", new VersionsPage(playbook, playbooks.history(id),
                PlaybookEditor.of(old, playbooks.stages()), number));
        return "playbooks/versions";
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The request, the response and the model of one page request, together. */
    private record Web(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {

        boolean htmx() {
            return Htmx.isHtmx(request);
        }
    }

    /** What the editor shows after a refused change, given the current editor, the failure and its message. */
    @FunctionalInterface
    private interface Failure {

        PlaybookEditor editor(PlaybookEditor current, DomainException e, String problem);
    }

    private String change(Viewer viewer, UUID id, long version, UnaryOperator<PlaybookContent> edit, String anchor,
            Web web, Failure failure) {
        return change(viewer, id, version, edit, anchor, web, failure, UnaryOperator.identity());
    }

    /**
     * Applies one content change. Success: the whole editor for htmx, else a redirect back to the page. Failure:
     * the editor with the current content and what {@code failure} adds (the kept input, the message), as 409 when
     * someone else changed the playbook first and 422 when the change breaks a rule.
     */
    private String change(Viewer viewer, UUID id, long version, UnaryOperator<PlaybookContent> edit, String anchor,
            Web web, Failure failure, UnaryOperator<PlaybookEditor> afterSuccess) {
        try {
            PlaybookView saved = playbooks.editContent(id, version, edit, viewer.userId());
            if (web.htmx()) {
                return fragment(web.model(), afterSuccess.apply(editor(saved)));
            }
            return "redirect:" + PATH + "/" + id + anchor;
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            PlaybookView current = playbooks.get(id);
            web.response().setStatus(e instanceof StaleVersionException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            String problem = problem(e, attempted(edit, current.content()), web.locale());
            return editorView(web, current, failure.editor(editor(current), e, problem));
        }
    }

    private String staleStep(Web web, UUID id, String key, StepForm form) {
        PlaybookView current = playbooks.get(id);
        PlaybookEditor editor = editor(current);
        StepTemplate saved = editor.step(key);
        web.response().setStatus(HttpStatus.CONFLICT.value());
        if (saved == null) {
            editor = editor.withProblem(messages.getMessage("playbooks.stepGone", null, web.locale()));
        } else {
            editor = editor.withEdit(new StepEdit(key, form.withVersion(current.version()), FormErrors.none(),
                    messages.getMessage("playbooks.staleStep", null, web.locale()), saved));
        }
        return wholeEditor(web, current, editor);
    }

    /** The content a refused change would have made, to name the step a rule is about; else the content as is. */
    private static PlaybookContent attempted(UnaryOperator<PlaybookContent> edit, PlaybookContent content) {
        try {
            return edit.apply(content);
        } catch (RuntimeException e) {
            return content;
        }
    }

    private String stepFormFailure(Web web, PlaybookView current, StepEdit edit) {
        web.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        PlaybookEditor editor = editor(current);
        if (editor.step(edit.key()) == null) {
            return wholeEditor(web, current, editor.withProblem(edit.problem() != null ? edit.problem()
                    : messages.getMessage("playbooks.stepGone", null, web.locale())));
        }
        editor = editor.withEdit(edit);
        if (web.htmx()) {
            web.model().addAttribute("editor", editor);
            web.model().addAttribute("stepKey", edit.key());
            return "playbooks/step-form";
        }
        return editorView(web, current, editor);
    }

    /** The whole editor, also where htmx expected a single row: the rest of the page is out of date as well. */
    private String wholeEditor(Web web, PlaybookView current, PlaybookEditor editor) {
        if (web.htmx()) {
            web.response().setHeader("HX-Retarget", "#" + PlaybookEditor.ID);
            web.response().setHeader("HX-Reswap", "outerHTML");
        }
        return editorView(web, current, editor);
    }

    private PlaybookEditor milestoneFailure(PlaybookEditor editor, DomainException e, String problem, int index,
            String title, Locale locale) {
        boolean exists = index >= 0 && index < editor.milestones().size();
        if (e instanceof StaleVersionException) {
            return editor.withProblem(problem).withMilestoneInput(new MilestoneInput(exists ? index : -1, title, null));
        }
        String field = "milestones[" + (index < 0 ? editor.milestones().size() : index) + "].title";
        if (e instanceof InvalidInputException invalid && field.equals(invalid.field()) && (index < 0 || exists)) {
            return editor.withMilestoneInput(new MilestoneInput(index, title, text(e, locale)));
        }
        return editor.withProblem(problem);
    }

    /** The editor, as a fragment for htmx or inside the whole page. */
    private String editorView(Web web, PlaybookView current, PlaybookEditor editor) {
        if (web.htmx()) {
            return fragment(web.model(), editor);
        }
        return editPage(web.model(), current, SettingsForm.from(current), FormErrors.none(), null, editor);
    }

    private String fragment(Model model, PlaybookEditor editor) {
        model.addAttribute("editor", editor);
        return "playbooks/content";
    }

    private String row(Model model, PlaybookEditor editor, String key, boolean oob) {
        model.addAttribute("editor", editor);
        model.addAttribute("stepKey", key);
        model.addAttribute("oob", oob);
        return "playbooks/step-row";
    }

    private String listPage(Model model, String problem) {
        List<PlaybookView> all = playbooks.list(true);
        model.addAttribute("page", new ListPage(all.stream().filter(playbook -> !playbook.archived()).toList(),
                all.stream().filter(PlaybookView::archived).toList(), problem));
        return "playbooks/list";
    }

    private String editPage(Model model, PlaybookView playbook, SettingsForm form, FormErrors errors,
            PlaybookSettings saved, PlaybookEditor editor) {
        model.addAttribute("page", new EditPage(playbook, new SettingsPage(form, errors, currentDefault(playbook.id())),
                saved, false, false, editor, playbooks.purposeOf(playbook.id())));
        return "playbooks/edit";
    }

    private PlaybookEditor editor(PlaybookView playbook) {
        return PlaybookEditor.of(playbook, playbooks.stages());
    }

    private String currentDefault(UUID except) {
        return playbooks.list(false).stream()
                .filter(playbook -> playbook.settings().isDefault() && !playbook.id().equals(except))
                .map(PlaybookView::name).findFirst().orElse(null);
    }

    /** Where the page scrolls to after a change of this step; nothing for a key that no step can have. */
    private static String stepAnchor(String key) {
        return PlaybookContent.KEY.matcher(key).matches() ? "#step-" + key : "#" + PlaybookEditor.ID;
    }

    private static StepTemplate requireStep(PlaybookEditor editor, String key) {
        StepTemplate step = editor.step(key);
        if (step == null) {
            throw new NotFoundException("playbooks.stepNotFound", key);
        }
        return step;
    }

    /** Where a step sits in the content, as the rules name it: {@code milestones[1].steps[2]}. */
    private static String stepPath(PlaybookContent content, String key) {
        List<MilestoneTemplate> milestones = content.milestones();
        for (int m = 0; m < milestones.size(); m++) {
            List<StepTemplate> steps = milestones.get(m).steps();
            for (int s = 0; s < steps.size(); s++) {
                if (steps.get(s).key().equals(key)) {
                    return "milestones[" + m + "].steps[" + s + "]";
                }
            }
        }
        return "";
    }

    /**
     * The form field a rule names when it is about the step at {@code at}; the side is chosen through the owner
     * role, so a rule about the side is shown there.
     */
    private static String fieldOf(DomainException e, String at) {
        if (!(e instanceof InvalidInputException invalid) || invalid.field() == null
                || !invalid.field().startsWith(at + ".")) {
            return null;
        }
        String field = invalid.field().substring(at.length() + 1);
        return field.equals("side") ? "ownerRole" : field;
    }

    private FormErrors fieldErrors(DomainException e, String at, Locale locale) {
        String field = fieldOf(e, at);
        return field == null ? FormErrors.none() : FormErrors.none().withField(field, text(e, locale));
    }

    /** A failure for the top of the editor; when a rule names another step, the message says which one. */
    private String problem(DomainException e, PlaybookContent content, Locale locale) {
        String message = text(e, locale);
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            Matcher matcher = STEP_FIELD.matcher(invalid.field());
            if (matcher.lookingAt()) {
                int m = Integer.parseInt(matcher.group(1));
                int s = Integer.parseInt(matcher.group(2));
                List<MilestoneTemplate> milestones = content.milestones();
                if (m < milestones.size() && s < milestones.get(m).steps().size()) {
                    return messages.getMessage("playbooks.problemAtStep",
                            new Object[] {milestones.get(m).steps().get(s).title(), message}, locale);
                }
            }
        }
        return message;
    }

    private String text(DomainException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), locale);
    }
}
