package io.mutua.web;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every failure of the JSON API becomes an RFC 9457 problem detail with a message a client can show. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail preconditionRequired(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, e);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail body = problem(HttpStatus.PRECONDITION_FAILED, e);
        body.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Long.toString(e.currentVersion()))
                .body(body);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, e);
        if (e.field() != null) {
            body.setProperty("errors", List.of(new FieldProblem(e.field(), body.getDetail())));
        }
        return body;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = text("api.error.parameter", e.getName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setProperty("errors", List.of(new FieldProblem(e.getName(), detail)));
        return body;
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidFields(BindException e) {
        return invalid(e.getBindingResult());
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> unreadable(JacksonException e) {
        return unreadableJson(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure in the API", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex.getBindingResult());
    }

    private ResponseEntity<Object> invalid(BindingResult result) {
        List<FieldProblem> errors = result.getFieldErrors().stream()
                .map(this::fieldProblem)
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.error.validation",
                String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList())));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unreadableJson(findCause(ex, JacksonException.class));
    }

    private ResponseEntity<Object> unreadableJson(JacksonException json) {
        String field = json == null ? "" : json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        ProblemDetail body;
        if (field.isEmpty()) {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.error.malformed"));
        } else {
            String detail = text("api.error.field", field);
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            body.setProperty("errors", List.of(new FieldProblem(field, detail)));
        }
        return ResponseEntity.badRequest().body(body);
    }

    private FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), messages.getMessage(error, locale()));
    }

    private ProblemDetail problem(HttpStatus status, DomainException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(e.messageKey(), e.args()));
        e.details().forEach(problem::setProperty);
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
