using System;
using System.Globalization;

namespace LossDsl.LightGbm.Interop;

/// <summary>Reads single fields of a tree from LightGBM's text model format (<c>Tree=N</c> blocks of <c>key=values</c> lines).</summary>
internal static class ModelText
{
    /// <summary>The values of <paramref name="key"/> in the block of tree <paramref name="tree"/>.</summary>
    public static double[] TreeField(string model, int tree, string key)
    {
        string header = "Tree=" + tree.ToString(CultureInfo.InvariantCulture) + "\n";
        int start = model.IndexOf(header, StringComparison.Ordinal);
        if (start < 0) throw new LightGbmException($"The model has no tree {tree}.");
        int end = model.IndexOf("\nTree=", start + header.Length, StringComparison.Ordinal);
        if (end < 0) end = model.Length;
        string line = "\n" + key + "=";
        int at = model.IndexOf(line, start, end - start, StringComparison.Ordinal);
        if (at < 0) throw new LightGbmException($"Tree {tree} of the model has no '{key}'.");
        int from = at + line.Length;
        int to = model.IndexOf('\n', from);
        string[] items = model[from..(to < 0 ? model.Length : to)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Array.ConvertAll(items, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
