using System.Globalization;
using System.Text;

namespace LossDsl.Samples.Plotting;

/// <summary>
/// A grid of chart panels written as one SVG file: axes with ticks, axis labels, a title and a legend per panel.
/// Written directly (no plotting package is available here); every sample draws through it.
/// </summary>
public sealed class Figure(string title, int columns = 1, double panelWidth = 600, double panelHeight = 360)
{
    private const double TitleHeight = 40;
    private readonly List<Panel> _panels = new();

    public Panel AddPanel(string panelTitle, string xLabel, string yLabel)
    {
        var panel = new Panel(panelTitle, xLabel, yLabel);
        _panels.Add(panel);
        return panel;
    }

    public string ToSvg()
    {
        int rows = Math.Max(1, (_panels.Count + columns - 1) / columns);
        double width = columns * panelWidth, height = TitleHeight + rows * panelHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" font-family=\"sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width:0}\" height=\"{height:0}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2:0}\" y=\"26\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">{Svg.Escape(title)}</text>\n");
        for (int i = 0; i < _panels.Count; i++)
        {
            double x = i % columns * panelWidth, y = TitleHeight + i / columns * panelHeight;
            _panels[i].Render(svg, i, x, y, panelWidth, panelHeight);
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Writes the SVG (creating the folder) and returns the full path.</summary>
    public string Save(string path)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToSvg());
        return full;
    }
}
