// Draws the forecast and insights pages' charts from the figures in each canvas's data attributes (the same figures as the
// table beside it), and again after htmx swaps in new figures.
(function () {
    "use strict";

    var COLOURS = ["#0f5f5a", "#c77700", "#7fb8b3", "#ecc17a"];
    var HEALTH_COLOURS = ["#2e8b57", "#d9a400", "#a12a2a"];

    function draw(canvas) {
        if (typeof Chart === "undefined" || Chart.getChart(canvas)) {
            return;
        }
        var type = canvas.getAttribute("data-chart");
        var labels = JSON.parse(canvas.getAttribute("data-labels"));
        var datasets = JSON.parse(canvas.getAttribute("data-datasets"));
        if (type === "doughnut") {
            datasets.forEach(function (set) { set.backgroundColor = HEALTH_COLOURS; });
        } else {
            datasets.forEach(function (set, index) {
                set.backgroundColor = COLOURS[index % COLOURS.length];
                set.borderColor = COLOURS[index % COLOURS.length];
                set.hidden = set.kind === "weighted";
                set.spanGaps = true;
            });
        }
        var currency = canvas.getAttribute("data-currency");
        var money = currency ? new Intl.NumberFormat(document.documentElement.lang || undefined,
                {style: "currency", currency: currency, maximumFractionDigits: 0}) : null;
        new Chart(canvas, {
            type: type,
            data: {labels: labels, datasets: datasets},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: type === "bar" || type === "line" ? {y: {beginAtZero: true, ticks: {callback: function (value) {
                    return money ? money.format(value) : value;
                }}}} : undefined,
                plugins: {legend: {position: "bottom"}}
            }
        });
    }

    function drawAll() {
        document.querySelectorAll("canvas[data-chart]").forEach(draw);
    }

    document.addEventListener("DOMContentLoaded", drawAll);
    document.addEventListener("htmx:afterSettle", drawAll);
    if (document.readyState !== "loading") {
        drawAll();
    }
}());
