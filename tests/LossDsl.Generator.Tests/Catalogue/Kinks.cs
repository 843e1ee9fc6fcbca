using LossDsl.Generator.Model;

namespace LossDsl.Generator.Tests.Catalogue;

/// <summary>Whether a point is away from every kink (a ?: boundary, |x| at 0, a Max/Min/Clamp tie) along one input.</summary>
internal static class Kinks
{
    public static bool Smooth(Expr loss, string variable, Dictionary<string, double> point, double radius)
    {
        var probes = new List<Expr>();
        loss.Contains(node =>
        {
            switch (node)
            {
                case Compare c: probes.Add(Simplification.Ex.Sub(c.Left, c.Right)); break;
                case Call { Function: Function.Abs or Function.Sign } call: probes.Add(call.Arguments[0]); break;
                case Call { Function: Function.Max or Function.Min } call: probes.Add(Simplification.Ex.Sub(call.Arguments[0], call.Arguments[1])); break;
                case Call { Function: Function.Clamp } call:
                    probes.Add(Simplification.Ex.Sub(call.Arguments[0], call.Arguments[1]));
                    probes.Add(Simplification.Ex.Sub(call.Arguments[0], call.Arguments[2]));
                    break;
            }
            return false;
        });
        double x = point[variable];
        foreach (Expr probe in probes)
        {
            // A condition on another input (target != 1) is constant along this one: no kink here.
            if (!probe.ContainsSymbol(variable)) continue;
            double low = Evaluator.Evaluate(probe, new Dictionary<string, double>(point) { [variable] = x - radius });
            double mid = Evaluator.Evaluate(probe, point);
            double high = Evaluator.Evaluate(probe, new Dictionary<string, double>(point) { [variable] = x + radius });
            if (double.IsNaN(low) || double.IsNaN(mid) || double.IsNaN(high) || Math.Sign(low) != Math.Sign(high) || mid == 0) return false;
        }
        return true;
    }
}
