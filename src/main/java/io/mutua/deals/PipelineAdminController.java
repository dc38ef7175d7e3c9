package io.mutua.deals;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
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

/** The admin's page for the pipeline stages. */
@Controller
public class PipelineAdminController {

    static final String PATH = Paths.ADMIN + "/pipeline";

    private final Pipeline pipeline;
    private final MessageSource messages;

    PipelineAdminController(Pipeline pipeline, MessageSource messages) {
        this.pipeline = pipeline;
        this.messages = messages;
    }

    public record StageForm(
            @NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.size}") String name,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{validation.probability}")
            @Max(value = 100, message = "{validation.probability}") Integer probability,
            long version) {
    }

    public record PipelinePage(List<StageView> stages, FormErrors errors, String editedKey,
            StageForm addForm) {
    }

    @GetMapping(PATH)
    String show(Model model) {
        return page(model, FormErrors.none(), null, new StageForm("", 50, 0));
    }

    @PostMapping(PATH + "/{key}")
    String update(@PathVariable String key, @Valid @ModelAttribute("form") StageForm form, BindingResult result,
            Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                pipeline.update(key, new Pipeline.StageChange(form.name(), form.probability(), form.version()));
                return "redirect:" + PATH;
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, errors, key, new StageForm("", 50, 0));
    }

    @PostMapping(PATH + "/trigger")
    String trigger(@RequestParam(required = false) String key) {
        pipeline.makeTrigger(key == null || key.isBlank() ? null : key);
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{key}/move")
    String move(@PathVariable String key, @RequestParam int direction) {
        pipeline.move(key, direction);
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{key}/delete")
    String delete(@PathVariable String key, Locale locale, Model model, HttpServletResponse response) {
        try {
            pipeline.delete(key);
            return "redirect:" + PATH;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(model, FormErrors.none().with(e, messages, locale), key, new StageForm("", 50, 0));
        }
    }

    @PostMapping(PATH)
    String add(@Valid @ModelAttribute("form") StageForm form, BindingResult result, Locale locale, Model model,
            HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            pipeline.add(form.name(), form.probability());
            return "redirect:" + PATH;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, errors, null, form);
    }

    private String page(Model model, FormErrors errors, String editedKey, StageForm addForm) {
        model.addAttribute("page", new PipelinePage(pipeline.stages(), errors, editedKey, addForm));
        return "deals/pipeline";
    }
}
