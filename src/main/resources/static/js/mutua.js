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
})();
