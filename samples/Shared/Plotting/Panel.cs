using System.Globalization;
using System.Text;

namespace LossDsl.Samples.Plotting;

/// <summary>One chart: line and scatter series over shared axes, clipped to the plot area; non-finite points break a line.</summary>
public sealed class Panel
{
    private static readonly string[] Palette = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f" };
    private const double Left = 62, Right = 16, Top = 34, Bottom = 50;

    private readonly string _title, _xLabel, _yLabel;
    private readonly List<Series> _series = new();
    private (double Min, double Max)? _yRange;

    internal Panel(string title, string xLabel, string yLabel) => (_title, _xLabel, _yLabel) = (title, xLabel, yLabel);

    public Panel Line(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? color = null, bool dashed = false) =>
        Add(new Series(label, x, y, color ?? Palette[_series.Count % Palette.Length], dashed, Scatter: false));

    public Panel Scatter(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? color = null) =>
        Add(new Series(label, x, y, color ?? Palette[_series.Count % Palette.Length], Dashed: false, Scatter: true));

    /// <summary>Fixes the vertical range (points outside are clipped) instead of fitting the data.</summary>
    public Panel YRange(double min, double max)
    {
        _yRange = (min, max);
        return this;
    }

    private Panel Add(Series series)
    {
        if (series.X.Count != series.Y.Count) throw new ArgumentException("x and y must have the same length.", nameof(series));
        _series.Add(series);
        return this;
    }

    internal void Render(StringBuilder svg, int index, double left, double top, double width, double height)
    {
        var finite = _series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
        (double xMin, double xMax) = Ticks.Extent(finite.Select(p => p.First));
        (double yMin, double yMax) = _yRange ?? Ticks.Extent(finite.Select(p => p.Second));
        double[] xTicks = Ticks.Nice(xMin, xMax), yTicks = Ticks.Nice(yMin, yMax);
        if (_yRange is null) (yMin, yMax) = (Math.Min(yMin, yTicks[0]), Math.Max(yMax, yTicks[^1]));
        (xMin, xMax) = (Math.Min(xMin, xTicks[0]), Math.Max(xMax, xTicks[^1]));

        double plotLeft = left + Left, plotTop = top + Top, plotWidth = width - Left - Right, plotHeight = height - Top - Bottom;
        double X(double v) => plotLeft + (v - xMin) / (xMax - xMin) * plotWidth;
        double Y(double v) => plotTop + (yMax - v) / (yMax - yMin) * plotHeight;
        var c = CultureInfo.InvariantCulture;

        svg.Append(c, $"<g>\n<text x=\"{left + width / 2:0.#}\" y=\"{top + 20:0.#}\" text-anchor=\"middle\" font-size=\"14\">{Svg.Escape(_title)}</text>\n");
        svg.Append(c, $"<clipPath id=\"plot{index}\"><rect x=\"{plotLeft:0.#}\" y=\"{plotTop:0.#}\" width=\"{plotWidth:0.#}\" height=\"{plotHeight:0.#}\"/></clipPath>\n");
        foreach (double t in xTicks.Where(t => t >= xMin && t <= xMax))
        {
            svg.Append(c, $"<line x1=\"{X(t):0.#}\" y1=\"{plotTop:0.#}\" x2=\"{X(t):0.#}\" y2=\"{plotTop + plotHeight:0.#}\" stroke=\"#eee\"/>");
            svg.Append(c, $"<text x=\"{X(t):0.#}\" y=\"{plotTop + plotHeight + 15:0.#}\" text-anchor=\"middle\" font-size=\"11\">{Ticks.Label(t)}</text>\n");
        }
        foreach (double t in yTicks.Where(t => t >= yMin && t <= yMax))
        {
            svg.Append(c, $"<line x1=\"{plotLeft:0.#}\" y1=\"{Y(t):0.#}\" x2=\"{plotLeft + plotWidth:0.#}\" y2=\"{Y(t):0.#}\" stroke=\"#eee\"/>");
            svg.Append(c, $"<text x=\"{plotLeft - 6:0.#}\" y=\"{Y(t) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{Ticks.Label(t)}</text>\n");
        }
        svg.Append(c, $"<rect x=\"{plotLeft:0.#}\" y=\"{plotTop:0.#}\" width=\"{plotWidth:0.#}\" height=\"{plotHeight:0.#}\" fill=\"none\" stroke=\"#333\"/>\n");
        if (yMin < 0 && yMax > 0) svg.Append(c, $"<line x1=\"{plotLeft:0.#}\" y1=\"{Y(0):0.#}\" x2=\"{plotLeft + plotWidth:0.#}\" y2=\"{Y(0):0.#}\" stroke=\"#999\"/>\n");
        svg.Append(c, $"<text x=\"{plotLeft + plotWidth / 2:0.#}\" y=\"{top + height - 12:0.#}\" text-anchor=\"middle\" font-size=\"12\">{Svg.Escape(_xLabel)}</text>\n");
        svg.Append(c, $"<text transform=\"translate({left + 16:0.#},{plotTop + plotHeight / 2:0.#}) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">{Svg.Escape(_yLabel)}</text>\n");

        svg.Append(c, $"<g clip-path=\"url(#plot{index})\">\n");
        foreach (Series s in _series) s.Render(svg, X, Y);
        svg.Append("</g>\n");
        RenderLegend(svg, plotLeft + plotWidth, plotTop);
        svg.Append("</g>\n");
    }

    private void RenderLegend(StringBuilder svg, double right, double top)
    {
        var c = CultureInfo.InvariantCulture;
        double width = 24 + 7 * _series.Max(s => s.Label.Length), x = right - width - 8;
        svg.Append(c, $"<rect x=\"{x:0.#}\" y=\"{top + 6:0.#}\" width=\"{width:0.#}\" height=\"{16 * _series.Count + 6:0.#}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>\n");
        for (int i = 0; i < _series.Count; i++)
        {
            Series s = _series[i];
            double y = top + 18 + 16 * i;
            svg.Append(s.Scatter
                ? string.Format(c, "<circle cx=\"{0:0.#}\" cy=\"{1:0.#}\" r=\"3\" fill=\"{2}\"/>", x + 12, y - 4, s.Color)
                : string.Format(c, "<line x1=\"{0:0.#}\" y1=\"{1:0.#}\" x2=\"{2:0.#}\" y2=\"{1:0.#}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>", x + 4, y - 4, x + 20, s.Color, s.Dashed ? " stroke-dasharray=\"5,3\"" : ""));
            svg.Append(c, $"<text x=\"{x + 24:0.#}\" y=\"{y:0.#}\" font-size=\"11\">{Svg.Escape(s.Label)}</text>\n");
        }
    }
}
