// Draw each chart of the page with plotly.js (served by the app), from the figures the page carries.
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("figures");
  if (!source || !window.Plotly) { return; }
  var figures = JSON.parse(source.textContent);
  document.querySelectorAll("[data-figure]").forEach(function (div) {
    var figure = figures[div.dataset.figure];
    if (figure) {
      Plotly.newPlot(div, figure.data, figure.layout, {displaylogo: false, responsive: true})
        .then(function () { div.dataset.drawn = "true"; });
    }
  });
});
