using ScottPlot;

namespace LossDsl.Samples.Plotting;

/// <summary>One chart of a <see cref="Figure"/>: lines and scatters over shared axes; non-finite points break a line.</summary>
public sealed class Panel
{
    private readonly List<string> _labels = new();
    private readonly List<(double X, double Y)> _drawn = new();
    private (double Min, double Max)? _yRange;
    private bool _legendPlaced;

    internal Panel(string title, string xLabel, string yLabel)
    {
        Plot.Title(title, size: 14);
        Plot.XLabel(xLabel, size: 12);
        Plot.YLabel(yLabel, size: 12);
        Plot.ShowLegend(Alignment.UpperRight);
    }

    /// <summary>The ScottPlot chart, for anything this small API does not cover.</summary>
    public Plot Plot { get; } = new();

    /// <summary>The series' legend labels, in the order added.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public Panel Line(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? color = null, bool dashed = false)
    {
        Check(x, y);
        Color c = color is null ? NextColor() : Color.FromHex(color);
        bool first = true;
        foreach (var (xs, ys) in FiniteRuns(x, y))
        {
            var line = Plot.Add.ScatterLine(xs, ys, c);
            line.LineWidth = 2;
            line.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
            if (first) line.LegendText = label;
            first = false;
            for (int i = 1; i < xs.Length; i++)
            {
                // Along each segment too: a two-point line still occupies the space between its ends.
                for (int k = 0; k < 16; k++) _drawn.Add((xs[i - 1] + (xs[i] - xs[i - 1]) * k / 16, ys[i - 1] + (ys[i] - ys[i - 1]) * k / 16));
            }
        }
        _labels.Add(label);
        return this;
    }

    public Panel Scatter(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, string? color = null)
    {
        Check(x, y);
        int[] finite = Enumerable.Range(0, x.Count).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        var points = Plot.Add.ScatterPoints(finite.Select(i => x[i]).ToArray(), finite.Select(i => y[i]).ToArray(),
            color is null ? NextColor() : Color.FromHex(color));
        points.MarkerSize = 4;
        points.LegendText = label;
        _drawn.AddRange(finite.Select(i => (x[i], y[i])));
        _labels.Add(label);
        return this;
    }

    /// <summary>Puts the legend in <paramref name="corner"/> instead of where the data leaves the most room.</summary>
    public Panel Legend(Alignment corner)
    {
        Plot.Legend.Alignment = corner;
        _legendPlaced = true;
        return this;
    }

    /// <summary>Puts the legend below the chart, for a chart whose data leaves no free corner.</summary>
    public Panel LegendOutside()
    {
        Plot.ShowLegend(Edge.Bottom);
        _legendPlaced = true;
        return this;
    }

    /// <summary>Fixes the vertical range (points outside are clipped) instead of fitting the data.</summary>
    public Panel YRange(double min, double max)
    {
        Plot.Axes.SetLimitsY(min, max);
        _yRange = (min, max);
        return this;
    }

    /// <summary>Unless placed by hand, the legend goes to the corner or edge middle that covers the fewest drawn points.</summary>
    internal void PlaceLegend()
    {
        if (_legendPlaced || _drawn.Count == 0) return;
        double xMin = _drawn.Min(p => p.X), xMax = _drawn.Max(p => p.X);
        var (yMin, yMax) = _yRange ?? (_drawn.Min(p => p.Y), _drawn.Max(p => p.Y));
        int Covered(double left, double bottom) => _drawn.Count(p =>
            (p.X - xMin) / (xMax - xMin) is var u && u >= left && u <= left + 0.45 &&
            (p.Y - yMin) / (yMax - yMin) is var v && v >= bottom && v <= bottom + 0.35);
        (Alignment Corner, double Left, double Bottom)[] places =
        [
            (Alignment.UpperRight, 0.55, 0.65), (Alignment.UpperLeft, 0, 0.65), (Alignment.UpperCenter, 0.275, 0.65),
            (Alignment.LowerRight, 0.55, 0), (Alignment.LowerLeft, 0, 0), (Alignment.LowerCenter, 0.275, 0),
        ];
        Plot.Legend.Alignment = places.MinBy(p => Covered(p.Left, p.Bottom)).Corner;
    }

    /// <summary>The maximal runs of points where both coordinates are finite; a run of one point draws nothing.</summary>
    public static IEnumerable<(double[] X, double[] Y)> FiniteRuns(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int start = 0;
        for (int i = 0; i <= x.Count; i++)
        {
            if (i < x.Count && double.IsFinite(x[i]) && double.IsFinite(y[i])) continue;
            if (i - start > 1) yield return (x.Skip(start).Take(i - start).ToArray(), y.Skip(start).Take(i - start).ToArray());
            start = i + 1;
        }
    }

    private Color NextColor() => new ScottPlot.Palettes.Category10().GetColor(_labels.Count);

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y must have the same length.", nameof(y));
    }
}
