using ScottPlot;
using SkiaSharp;

namespace LossDsl.Samples.Plotting;

/// <summary>
/// A grid of ScottPlot charts under one title, saved as SVG and PNG side by side: every sample draws through it,
/// so the figures look alike.
/// </summary>
public sealed class Figure(string title, int columns = 1, int panelWidth = 600, int panelHeight = 360)
{
    private const int TitleHeight = 40;
    private readonly List<Panel> _panels = new();

    static Figure()
    {
        // ScottPlot's font detection settles on a serif face on Linux machines without Segoe UI or Open Sans.
        string[] sans = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI"];
        if (sans.Select(f => SKFontManager.Default.MatchFamily(f)?.FamilyName).FirstOrDefault(f => f is not null) is { } family)
            Fonts.Default = family;
    }

    public IReadOnlyList<Panel> Panels => _panels;

    public Panel AddPanel(string panelTitle, string xLabel, string yLabel)
    {
        var panel = new Panel(panelTitle, xLabel, yLabel);
        _panels.Add(panel);
        return panel;
    }

    public int Width => columns * panelWidth;

    public int Height => TitleHeight + Math.Max(1, (_panels.Count + columns - 1) / columns) * panelHeight;

    /// <summary>Writes <paramref name="svgPath"/> and the PNG beside it (creating the folder); returns the SVG's full path.</summary>
    public string Save(string svgPath)
    {
        string full = Path.GetFullPath(svgPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // The PNG first: a chart's first render lays it out and renders again, which in an SVG would write every element twice.
        File.WriteAllBytes(Path.ChangeExtension(full, ".png"), ToPng());
        using (FileStream svg = File.Create(full))
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), svg))
        {
            Draw(canvas);
        }
        return full;
    }

    public byte[] ToPng()
    {
        using SKSurface surface = SKSurface.Create(new SKImageInfo(Width, Height));
        Draw(surface.Canvas);
        using SKImage image = surface.Snapshot();
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private void Draw(SKCanvas canvas)
    {
        using (var white = new SKPaint { Color = SKColors.White })
        {
            canvas.DrawRect(new SKRect(0, 0, Width, Height), white);
        }
        using (var font = new SKFont(Fonts.GetTypeface(Fonts.Default, bold: true, italic: false), 18))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            // A long title on a one-panel figure is set smaller rather than cut at the edges.
            font.Size *= Math.Min(1, (Width - 24) / font.MeasureText(title));
            canvas.DrawText(title, Width / 2f, 27, SKTextAlign.Center, font, ink);
        }
        for (int i = 0; i < _panels.Count; i++)
        {
            // Each chart clears its own area: clip to it, and draw it at the origin.
            canvas.Save();
            canvas.Translate(i % columns * panelWidth, TitleHeight + i / columns * panelHeight);
            canvas.ClipRect(new SKRect(0, 0, panelWidth, panelHeight));
            _panels[i].PlaceLegend();
            _panels[i].Plot.Render(canvas, new PixelRect(0, panelWidth, panelHeight, 0));
            canvas.Restore();
        }
    }
}
