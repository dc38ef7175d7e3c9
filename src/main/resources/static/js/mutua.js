// Small progressive enhancements; every page works without them.
(function () {
    "use strict";

    // When an htmx request fails outright (network, 5xx), say so instead of doing nothing.
    document.addEventListener("htmx:responseError", showFailure);
    document.addEventListener("htmx:sendError", showFailure);

    function showFailure() {
        var toast = document.getElementById("request-failed");
        if (!toast) {
            return;
        }
        toast.hidden = false;
        window.setTimeout(function () { toast.hidden = true; }, 6000);
    }

    // Live updates: an event from the server refreshes the part of the page it names, unless the reader is
    // typing in that part; then a notice offers the refresh, so that nothing they entered is lost.
    var pending = [];

    document.addEventListener("input", markEdited, true);
    document.addEventListener("change", markEdited, true);

    function markEdited(event) {
        var form = event.target.closest ? event.target.closest("form") : null;
        if (form) {
            form.setAttribute("data-edited", "");
        }
    }

    document.addEventListener("htmx:confirm", function (event) {
        var trigger = event.detail.triggeringEvent;
        var target = event.detail.target;
        if (!trigger || trigger.type.indexOf("sse:") !== 0 || !target || !target.querySelector("form[data-edited]")) {
            return;
        }
        event.preventDefault();
        pending.push(event.detail.issueRequest);
        var notice = document.getElementById("live-pending");
        if (notice) {
            notice.hidden = false;
        }
    });

    document.addEventListener("click", function (event) {
        if (!event.target.closest || !event.target.closest("#live-refresh")) {
            return;
        }
        document.getElementById("live-pending").hidden = true;
        var requests = pending;
        pending = [];
        requests.forEach(function (issue) { issue(true); });
    });

    // Whether the page is connected for live updates, on the element that holds the connection.
    document.addEventListener("htmx:sseOpen", function (event) {
        event.target.setAttribute("data-live", "open");
    });
    document.addEventListener("htmx:sseError", function (event) {
        event.target.setAttribute("data-live", "reconnecting");
    });

    // The server ends a stream with a named event when the reader's access ended (sse-close): say so.
    document.addEventListener("htmx:sseClose", function (event) {
        var ended = document.getElementById("live-ended");
        if (ended && event.detail && event.detail.type === "message") {
            ended.hidden = false;
        }
    });
})();
