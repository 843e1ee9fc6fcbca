namespace LossDsl.Samples.Plotting;

internal static class Svg
{
    public static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
