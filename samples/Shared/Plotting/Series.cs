using System.Globalization;
using System.Text;

namespace LossDsl.Samples.Plotting;

internal sealed record Series(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, string Color, bool Dashed, bool Scatter)
{
    public void Render(StringBuilder svg, Func<double, double> toX, Func<double, double> toY)
    {
        var c = CultureInfo.InvariantCulture;
        if (Scatter)
        {
            for (int i = 0; i < X.Count; i++)
            {
                if (double.IsFinite(X[i]) && double.IsFinite(Y[i]))
                {
                    svg.Append(c, $"<circle cx=\"{toX(X[i]):0.##}\" cy=\"{toY(Y[i]):0.##}\" r=\"2.2\" fill=\"{Color}\" fill-opacity=\"0.6\"/>\n");
                }
            }
            return;
        }
        // One polyline per finite run: a NaN or ∞ breaks the line instead of drawing to the edge.
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1)
            {
                svg.Append(c, $"<polyline points=\"{string.Join(" ", run)}\" fill=\"none\" stroke=\"{Color}\" stroke-width=\"2\"{(Dashed ? " stroke-dasharray=\"5,3\"" : "")}/>\n");
            }
            run.Clear();
        }
        for (int i = 0; i < X.Count; i++)
        {
            if (double.IsFinite(X[i]) && double.IsFinite(Y[i])) run.Add(string.Format(c, "{0:0.##},{1:0.##}", toX(X[i]), Math.Clamp(toY(Y[i]), -1e5, 1e5)));
            else Flush();
        }
        Flush();
    }
}
