package io.mutua.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Domain failures that a page controller did not handle itself become a clear error page, never a trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HtmlExceptionHandler.class);

    private final UiAdvice ui;

    HtmlExceptionHandler(UiAdvice ui) {
        this.ui = ui;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, ErrorPage.of(HttpStatus.NOT_FOUND, e), model, request, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
    String unknownAddress(Exception e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, ErrorPage.of(HttpStatus.NOT_FOUND), model, request, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, ErrorPage.of(HttpStatus.FORBIDDEN, e), model, request, response);
    }

    @ExceptionHandler({ConflictException.class, StaleVersionException.class})
    String conflict(DomainException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, ErrorPage.of(HttpStatus.CONFLICT, e), model, request, response);
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, ErrorPage.of(HttpStatus.BAD_REQUEST, e), model, request, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        log.error("Unexpected failure on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, ErrorPage.of(HttpStatus.INTERNAL_SERVER_ERROR), model, request,
                response);
    }

    private String page(HttpStatus status, ErrorPage page, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(status.value());
        // Exception handlers get a fresh model, without what the controller advice adds.
        model.addAttribute(Ui.MODEL_ATTRIBUTE, ui.ui(request));
        model.addAttribute("page", page);
        return "error";
    }
}
